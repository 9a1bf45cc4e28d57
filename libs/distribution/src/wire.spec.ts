import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { DomainError } from '@tenderledger/domain-kit';
import { ConcurrencyError } from '@tenderledger/event-store';
import { toErrorBody } from '@tenderledger/http-kit';
import { DecideTender } from '@tenderledger/tendering';
import { SubmitSealedBid } from '@tenderledger/bidding';
import { decode, encode, fromWireCommand, fromWireError, toWireCommand, toWireError } from './wire';
import { COMMAND_OWNERS } from './topology';
import { MESSAGE_CLASSES } from './messages';

// What crosses Kafka between the gateway and a service must come back as what it was: the same
// message class (so the CommandBus finds its handler), a Date for CommandContext.now, and the
// same error class (so the gateway answers exactly as the platform does).
const context = { actor: { userId: 'jane', role: 'commissioner', organisationId: 'org-icb-north' }, correlationId: 'corr-1', causationId: null, now: new Date('2026-10-30T12:00:01.000Z') };

describe('the command wire format', () => {
  it('rebuilds a command as an instance of its class with its context date as a Date', () => {
    const sent = new DecideTender({ type: 'CloseSubmissions', data: { tenderId: 'tender-1', now: '2026-10-30T12:00:01.000Z' } } as never, context);
    const wire = JSON.parse(JSON.stringify(toWireCommand(sent)));
    expect(wire).toMatchObject({ type: 'DecideTender', correlationId: 'corr-1' });
    const received = fromWireCommand(wire) as DecideTender;
    expect(received).toBeInstanceOf(DecideTender);
    expect(received.context.now).toBeInstanceOf(Date);
    expect(received.context.now.toISOString()).toBe('2026-10-30T12:00:01.000Z');
    expect(received.command).toEqual(sent.command);
  });

  it('keeps nested dates and leaves look-alike strings alone', () => {
    const value = { at: new Date('2027-01-15T08:00:00.000Z'), list: [new Date(0)], text: '2027-01-15T08:00:00.000Z', tagged: { $date: 'x', other: 1 } };
    const back = decode<typeof value>(encode(value));
    expect(back.at).toBeInstanceOf(Date);
    expect(back.list[0]).toEqual(new Date(0));
    expect(back.text).toBe('2027-01-15T08:00:00.000Z');
    expect(back.tagged).toEqual({ $date: 'x', other: 1 });
  });

  it('refuses to send something that is not a known message', () => {
    class NotAMessage {}
    expect(() => toWireCommand(new NotAMessage())).toThrow(/not a message/);
    expect(() => fromWireCommand({ type: 'Nope', body: '{}', correlationId: 'c' })).toThrow(/unknown message type/);
  });

  it('names an owning service for every message class', () => {
    expect(Object.keys(MESSAGE_CLASSES).sort()).toEqual(Object.keys(COMMAND_OWNERS).sort());
    expect(COMMAND_OWNERS[SubmitSealedBid.name]).toBe('bidding');
  });

  it.each([
    ['a rule broken (422)', new DomainError('TENDER_WEIGHTS_NOT_100', 'Weights must add up to 100%.', 'rule', { total: 9_000 })],
    ['a conflict (409)', new DomainError('BID_DEADLINE_PASSED', 'The deadline has passed.', 'conflict')],
    ['not found (404)', new DomainError('TENDER_NOT_FOUND', 'There is no tender x.', 'not-found', { tenderId: 'x' })],
    ['a lost race (409)', new ConcurrencyError('tender-1', 3, 4)],
    ['an HTTP exception', new NotFoundException({ statusCode: 404, code: 'BID_NOT_FOUND', message: 'No such bid.' })],
  ])('rethrows %s as the same class with the same HTTP answer', (_what, error) => {
    const back = fromWireError(JSON.parse(JSON.stringify(toWireError(error))));
    // Nest's HttpException subclasses come back as HttpException: the filter reads only status and body.
    if (error instanceof HttpException) expect(back).toBeInstanceOf(HttpException);
    else expect(back.constructor).toBe(error.constructor);
    expect(toErrorBody(back)).toEqual(toErrorBody(error));
  });

  it('turns anything else into a 500 that says it came from another service', () => {
    const back = fromWireError(JSON.parse(JSON.stringify(toWireError(new TypeError('x is undefined')))));
    expect(back.message).toBe('remote TypeError: x is undefined');
    expect(toErrorBody(back).statusCode).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
  });
});
