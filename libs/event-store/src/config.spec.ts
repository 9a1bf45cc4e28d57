import { describeEventStore, eventStoreConfigFromEnv, openAnyEventStore, openEventStore, PlatformNeedsSqlStoreError } from './config';

describe('choosing the event store by configuration', () => {
  it('selects EventStoreDB with EVENT_STORE=eventstoredb, its server from EVENTSTORE_URL and the read-model database from DATABASE_URL', () => {
    expect(eventStoreConfigFromEnv({ EVENT_STORE: 'eventstoredb' })).toEqual({
      kind: 'eventstoredb',
      eventStoreUrl: 'kurrentdb://127.0.0.1:2113?tls=false',
      url: 'postgres://postgres@127.0.0.1:5432/tenderledger',
    });
    expect(eventStoreConfigFromEnv({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://es.example:2113?tls=true', DATABASE_URL: 'postgres://rm@db/readmodels' })).toMatchObject({
      eventStoreUrl: 'esdb://es.example:2113?tls=true',
      url: 'postgres://rm@db/readmodels',
    });
    expect(() => eventStoreConfigFromEnv({ EVENT_STORE: 'mongo' })).toThrow('use pglite, postgres or eventstoredb');
  });

  it('says where the events live without printing a password', () => {
    expect(describeEventStore({ kind: 'eventstoredb', eventStoreUrl: 'kurrentdb://admin:changeit@es:2113?tls=true' })).toBe('eventstoredb (kurrentdb://admin:***@es:2113?tls=true)');
    expect(describeEventStore({ kind: 'postgres', url: 'postgres://app:secret@db:5432/tl' })).toBe('postgres (postgres://app:***@db:5432/tl)');
  });

  it('refuses to give the platform its SQL store on eventstoredb, in one sentence saying why and what to use', async () => {
    const refusal = openEventStore({ kind: 'eventstoredb', eventStoreUrl: 'kurrentdb://127.0.0.1:1?tls=false' });
    await expect(refusal).rejects.toBeInstanceOf(PlatformNeedsSqlStoreError);
    await expect(refusal).rejects.toThrow(/^EVENT_STORE=eventstoredb cannot run the platform yet: .*one transaction.*EVENT_STORE=postgres or pglite/);
  });

  it('opens the EventStoreDB adapter as the bare port, and fails at open (not at the first command) when the server does not answer', async () => {
    await expect(openAnyEventStore({ kind: 'eventstoredb', eventStoreUrl: 'kurrentdb://admin:changeit@127.0.0.1:1?tls=false' })).rejects.toThrow(
      /^EventStoreDB does not answer at kurrentdb:\/\/admin:\*\*\*@127\.0\.0\.1:1\?tls=false: /,
    );
  });
});
