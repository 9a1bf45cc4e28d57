import { HttpException } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@tenderledger/domain-kit';
import { ConcurrencyError, type ExpectedVersion } from '@tenderledger/event-store';
import { MESSAGE_CLASSES } from './messages';

/**
 * What travels over Kafka. The body is JSON text in which every Date is tagged (`{"$date": iso}`)
 * so CommandContext.now comes back a Date. No `key`/`value` fields: Nest's Kafka serializer would
 * take the object for a raw Kafka message.
 */
export interface WireCommand {
  readonly type: string;
  readonly body: string;
  readonly correlationId: string;
}

export type WireReply = { readonly ok: true; readonly body: string } | { readonly ok: false; readonly error: WireError };

/** A refusal or failure, enough to rethrow it as the same class at the caller (same HTTP answer as the platform). */
export type WireError =
  | { readonly kind: 'domain'; readonly code: string; readonly message: string; readonly domainKind: DomainErrorKind; readonly details?: Record<string, unknown> }
  | { readonly kind: 'concurrency'; readonly streamId: string; readonly expected: ExpectedVersion; readonly actual: number | null }
  | { readonly kind: 'http'; readonly status: number; readonly response: string | object }
  | { readonly kind: 'internal'; readonly name: string; readonly message: string };

export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : replaced;
  });
}

export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$date') return new Date((value as { $date: string }).$date);
    }
    return value;
  }) as T;
}

export function toWireCommand(command: object): WireCommand {
  const type = command.constructor.name;
  if (!MESSAGE_CLASSES[type]) throw new Error(`${type} is not a message that can be sent to another service`);
  const correlationId = (command as { context?: { correlationId?: string } }).context?.correlationId ?? 'uncorrelated';
  return { type, body: encode({ ...command }), correlationId };
}

/** Rebuilds the message as an instance of its class, so the CommandBus finds its handler. */
export function fromWireCommand(wire: WireCommand): object {
  const messageClass = MESSAGE_CLASSES[wire.type];
  if (!messageClass) throw new Error(`unknown message type ${wire.type}`);
  return Object.assign(Object.create(messageClass.prototype) as object, decode<object>(wire.body));
}

export function toWireError(error: unknown): WireError {
  if (error instanceof DomainError) return { kind: 'domain', code: error.code, message: error.message, domainKind: error.kind, ...(error.details ? { details: error.details } : {}) };
  if (error instanceof ConcurrencyError) return { kind: 'concurrency', streamId: error.streamId, expected: error.expected, actual: error.actual };
  if (error instanceof HttpException) return { kind: 'http', status: error.getStatus(), response: error.getResponse() };
  return { kind: 'internal', name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error) };
}

/** The same class the handler threw, so the ErrorFilter answers exactly as it does in the platform. */
export function fromWireError(error: WireError): Error {
  switch (error.kind) {
    case 'domain':
      return new DomainError(error.code, error.message, error.domainKind, error.details);
    case 'concurrency':
      return new ConcurrencyError(error.streamId, error.expected, error.actual);
    case 'http':
      return new HttpException(error.response, error.status);
    default:
      return Object.assign(new Error(`remote ${error.name}: ${error.message}`), { name: 'RemoteCommandError' });
  }
}
