import type { EventMessage } from './wire-format';

/**
 * What the relay needs from a message broker (DESIGN §6: kafkajs is in maintenance mode, so it
 * stays behind this port and the relay can move to another client without changing).
 */
export interface EventPublisher {
  connect(): Promise<void>;
  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  ensureTopics(topics: readonly string[], settings: TopicSettings): Promise<void>;
  /**
   * Sends one batch and resolves only once the broker has acknowledged every record in it
   * (acks from all in-sync replicas). Records with one key keep their order. Rejects if the
   * client gave up; the caller then reconnects and sends again (at-least-once).
   */
  publish(messages: readonly EventMessage[]): Promise<void>;
  /** Cheap check that the broker answers (for /health). */
  ping(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
}
