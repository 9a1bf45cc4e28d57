/**
 * Who owns what in the distributed shape (DESIGN §3, §6): each context service owns the commands of
 * its streams, and publishes (through the relay) the events of its streams on its own topic.
 */
export const CONTEXT_SERVICES = ['registry', 'tendering', 'bidding', 'evaluation', 'award'] as const;
export type ContextService = (typeof CONTEXT_SERVICES)[number];

/** The CQRS message classes (grep `extends Command<` in libs) and the service whose handlers run them. */
export const COMMAND_OWNERS: Readonly<Record<string, ContextService>> = {
  DecideOrganisation: 'registry',
  DecideContract: 'registry',
  ImportContractRegister: 'registry',
  DecideTender: 'tendering',
  DecideBid: 'bidding',
  SubmitSealedBid: 'bidding',
  ResubmitSealedBid: 'bidding',
  WithdrawSealedBid: 'bidding',
  DecideEvaluation: 'evaluation',
  OpenTenderEvaluation: 'evaluation',
  DecideOnAward: 'award',
  DecideOnDirectAward: 'award',
  DecideAwardFromEvaluation: 'award',
};

/** The time-driven process managers (DeadlineTicker jobs) each service runs; other services' are ignored. */
export const SERVICE_TICKS: Readonly<Record<ContextService, readonly string[]>> = {
  registry: ['expire-contracts'],
  tendering: ['close-submissions'],
  bidding: ['open-bids'],
  evaluation: [],
  award: ['conclude-contracts'],
};

export const commandsTopic = (prefix: string, service: ContextService): string => `${prefix}.${service}.commands`;
/** Nest's ClientKafka listens for replies on `<pattern>.reply`. */
export const repliesTopic = (prefix: string, service: ContextService): string => `${commandsTopic(prefix, service)}.reply`;

export const isContextService = (name: string): name is ContextService => (CONTEXT_SERVICES as readonly string[]).includes(name);
