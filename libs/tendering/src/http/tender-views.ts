import type { Identity } from '@tenderledger/auth';
import type { CatalogueEntry } from '../application/tender-catalogue';
import type { Clarification } from '../domain/state';

// Who sees what (DESIGN §10): a published tender is public to every authenticated user; a draft only
// to its commissioner, admins and auditors. A clarification's asker is never shown, except to the
// asker itself (as "yours") and to auditors, who read everything.

export const isOwner = (actor: Identity, entry: CatalogueEntry): boolean =>
  actor.role === 'commissioner' && actor.organisationId === entry.tender.commissionerId;

/** Owner, admin or auditor: sees drafts and the full record. */
export const seesEverything = (actor: Identity, entry: CatalogueEntry): boolean => actor.role === 'admin' || actor.role === 'auditor' || isOwner(actor, entry);

/** Never-published tenders (drafts, and drafts cancelled before publication) stay private. */
export const isVisibleTo = (actor: Identity, entry: CatalogueEntry): boolean => entry.tender.publishedAt !== null || seesEverything(actor, entry);

export function tenderView(actor: Identity, entry: CatalogueEntry) {
  const { tender, publication, amendments, updatedAt } = entry;
  const clarifications = Object.values(tender.clarifications);
  const common = {
    tenderId: tender.tenderId,
    commissionerId: tender.commissionerId,
    status: tender.status,
    ...tender.terms,
    lots: tender.lots,
    lotsOrigin: tender.lotsOrigin,
    noSplitReason: tender.noSplitReason,
    lotLimit: tender.lotLimit,
    publishedAt: tender.publishedAt,
    publication,
    amendments,
    closedAt: tender.closedAt,
    cancellation: tender.cancellation,
    updatedAt,
  };
  if (seesEverything(actor, entry)) {
    return {
      view: 'full' as const,
      ...common,
      pendingProposal: tender.pendingProposal,
      clarificationsAsked: clarifications.length,
      clarificationsUnanswered: clarifications.filter((c) => c.answer === null).length,
    };
  }
  return { view: 'public' as const, ...common, clarificationsAnswered: clarifications.filter((c) => c.answer !== null).length };
}

export type TenderView = ReturnType<typeof tenderView>;

export type ClarificationView = {
  readonly clarificationId: string;
  /** The question as published once answered; before that, as asked (shown only to those who may see it). */
  readonly question: string;
  readonly answer: string | null;
  readonly answeredAt: string | null;
  /** Only for the asker and for those who handle or audit the tender. */
  readonly questionAsAsked?: string;
  readonly askedAt?: string;
  readonly yours?: true;
  /** Auditors only. */
  readonly askedBy?: string;
};

/** The clarification log as this actor may see it, oldest first. */
export function clarificationsView(actor: Identity, entry: CatalogueEntry): ClarificationView[] {
  const all = Object.values(entry.tender.clarifications).sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.id.localeCompare(b.id));
  return all.flatMap((c): ClarificationView[] => {
    const published = publishedPart(c);
    if (actor.role === 'auditor') return [{ ...published, questionAsAsked: c.question, askedAt: c.askedAt, askedBy: c.askedBy }];
    if (seesEverything(actor, entry)) return [{ ...published, questionAsAsked: c.question, askedAt: c.askedAt }];
    if (actor.role === 'bidder' && actor.organisationId === c.askedBy) return [{ ...published, questionAsAsked: c.question, askedAt: c.askedAt, yours: true }];
    // Everyone else learns a question only once it is answered, as published, with no asker.
    return c.answer === null ? [] : [published];
  });
}

function publishedPart(c: Clarification): ClarificationView {
  return { clarificationId: c.id, question: c.answer?.publishedQuestion ?? c.question, answer: c.answer?.text ?? null, answeredAt: c.answer?.answeredAt ?? null };
}
