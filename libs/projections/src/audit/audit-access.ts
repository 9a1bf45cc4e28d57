import { ForbiddenException } from '@nestjs/common';
import type { Identity } from '@tenderledger/auth';
import type { ProcurementKind } from './audit-index.projection';

/** What one reader may see in a procurement's audit. */
export interface AuditReader {
  readonly identity: Identity;
  /** Opened bid content (DESIGN §10: auditors and the tender's commissioner; admins read no bids). */
  readonly content: boolean;
}

const NOT_YOURS: Readonly<Record<ProcurementKind, { readonly code: string; readonly message: string }>> = {
  tender: { code: 'AUDIT_NOT_YOUR_TENDER', message: 'A commissioner may read the audit trail of its own tenders only.' },
  'direct-award': { code: 'AUDIT_NOT_YOUR_DIRECT_AWARD', message: 'A commissioner may read the audit trail of its own direct awards only.' },
};

/**
 * Auditors read every procurement's audit; a commissioner only those it commissions (its tenders,
 * the direct awards it decided); admins operate the platform and see the trail without bid
 * content. Bidders and evaluators are stopped by @Roles.
 */
export function auditReader(identity: Identity, procurement: { readonly commissionerId: string }, kind: ProcurementKind = 'tender'): AuditReader {
  if (identity.role === 'commissioner' && identity.organisationId !== procurement.commissionerId) {
    throw new ForbiddenException({ statusCode: 403, ...NOT_YOURS[kind] });
  }
  return { identity, content: identity.role === 'auditor' || identity.role === 'commissioner' };
}
