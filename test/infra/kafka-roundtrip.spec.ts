// Proves the Kafka broker really works end to end for kafkajs: messages produced to a
// fresh topic come back through a consumer group with the same keys and values, in order.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { describeWithKafka, KAFKA_BROKERS } from '../support/infra';

describeWithKafka('Kafka round trip (real broker)', () => {
  const run = randomUUID();
  const topic = `tl-test-roundtrip-${run}`;
  const kafka = new Kafka({ clientId: `tl-test-${run}`, brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    await admin.connect();
    // One partition: Kafka only orders messages within a partition.
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect();
  });

  it('delivers the produced keys and payloads to a consumer group, in order', async () => {
    const sent = Array.from({ length: 5 }, (_, i) => ({
      key: `tender-${i}`,
      value: JSON.stringify({ run, seq: i, note: `payload ${i} ${randomUUID()}` }),
    }));

    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages: sent });

    consumer = kafka.consumer({ groupId: `tl-test-group-${run}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });

    const received: { key: string; value: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`got ${received.length}/${sent.length} messages in 30 s`)), 30000);
      void consumer!
        .run({
          eachMessage: async ({ message }) => {
            received.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
            if (received.length >= sent.length) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });

    expect(received).toEqual(sent);
  });
});
