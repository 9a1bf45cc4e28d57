// The distributed shape's mechanics (DESIGN §3, §6): which service owns which command, Kafka
// request–reply for commands, process managers fed from the relay's topics, a shared dev clock.
export * from './topology';
export { distributionConfigFromEnv, type DistributionConfig, type ReactionsFeed } from './distribution-config';
export { MESSAGE_CLASSES } from './messages';
export { encode, decode, toWireCommand, fromWireCommand, toWireError, fromWireError, type WireCommand, type WireReply, type WireError } from './wire';
export { CommandClient } from './command-client';
export { routeCommands } from './command-router';
export { commandsController } from './commands.controller';
export { DistributedProjectionRunner, type ListenerFeed } from './distributed-runner';
export { ScopedDeadlineTicker } from './scoped-ticker';
export { SharedDevClock } from './shared-dev-clock';
export { DevClockFlushInterceptor } from './dev-clock-flush.interceptor';
export { KafkaEventFeed } from './kafka-event-feed';
export { ensureTopics, kafkaAnswers } from './kafka-topics';
