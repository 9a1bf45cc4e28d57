// Messaging (DESIGN §6): the wire format every service reads, the relay that publishes the
// store's global order to Kafka, and the idempotent consumer the services build read models with.
export {
  DEFAULT_TOPIC_PREFIX,
  BOUNDED_CONTEXTS,
  EVENT_HEADERS,
  contextOfStream,
  topicFor,
  topicForStream,
  allTopics,
  encodeEvent,
  decodeEvent,
  serialiseEvent,
  messageOf,
  UndecodableMessageError,
  type BoundedContext,
  type EventMessage,
  type ReceivedMessage,
  type SerialisedEvent,
} from './wire-format';
export type { EventPublisher, TopicSettings } from './event-publisher.port';
export { silentLogger, type MessagingLogger } from './messaging-logger';
export { createKafkaClient, type KafkaClientOptions } from './kafka/kafka-client';
export { KafkaEventPublisher, DEFAULT_PUBLISH_RETRY, type KafkaEventPublisherOptions } from './kafka/kafka-event-publisher';
export { RelayCheckpoints, RELAY_SCHEMA_SQL } from './relay/relay-checkpoints';
export { sqlRelayReader, storeRelayReader, type RelayReader } from './relay/relay-readers';
export {
  EventRelay,
  RELAY_LAG_COUNT_BOUND,
  type EventRelayOptions,
  type RelaySource,
  type RelayState,
  type RelayStatus,
  type RelayProgress,
} from './relay/event-relay';
export { CONSUMER_SCHEMA_SQL, installConsumerSchema } from './consumer/consumer-schema';
export {
  IdempotentEventConsumer,
  type IdempotentEventConsumerOptions,
  type ConsumedEventHandler,
  type TransactionQuery,
  type MessageOrigin,
  type ConsumerStats,
} from './consumer/idempotent-event-consumer';
