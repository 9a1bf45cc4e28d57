import { relayConfigFromEnv, RelayConfigError } from './relay-config';

describe('relay configuration from the environment', () => {
  it('defaults to the local servers, the tenderledger prefix, 3 partitions and no HTTP port', () => {
    expect(relayConfigFromEnv({})).toEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/tenderledger',
      brokers: ['127.0.0.1:9092'],
      topicPrefix: 'tenderledger',
      partitions: 3,
      replicationFactor: 1,
      name: 'relay',
      port: null,
      pageSize: 1000,
      pollIntervalMs: 200,
      shutdownTimeoutMs: 30000,
      logLevel: 'info',
    });
  });

  it('reads every setting', () => {
    const config = relayConfigFromEnv({
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://u@db/events',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      TOPIC_PREFIX: 'tl-prod',
      TOPIC_PARTITIONS: '12',
      RELAY_NAME: 'relay-eu',
      RELAY_PORT: '8081',
    });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u@db/events', brokers: ['k1:9092', 'k2:9092'], topicPrefix: 'tl-prod', partitions: 12, name: 'relay-eu', port: 8081 });
  });

  it.each([
    [{ EVENT_STORE: 'pglite' }, 'EVENT_STORE=pglite'],
    [{ TOPIC_PARTITIONS: '0' }, 'TOPIC_PARTITIONS'],
    [{ TOPIC_PARTITIONS: 'three' }, 'TOPIC_PARTITIONS'],
    [{ RELAY_PORT: '-1' }, 'RELAY_PORT'],
    [{ TOPIC_PREFIX: 'has space' }, 'TOPIC_PREFIX'],
    [{ KAFKA_BROKERS: ' , ' }, 'KAFKA_BROKERS'],
  ])('refuses %j, naming the variable', (env, name) => {
    expect(() => relayConfigFromEnv(env)).toThrow(RelayConfigError);
    expect(() => relayConfigFromEnv(env)).toThrow(name);
  });
});
