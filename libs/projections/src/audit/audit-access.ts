import { ForbiddenException } from '@nestjs/common';
import type { Identity } from '@tenderledger/auth';
import type { Tender } from '@tenderledger/tendering';

/** What one reader may see in a procurement's audit. */
export interface AuditReader {
  readonly identity: Identity;
  /** Opened bid content (DESIGN §10: auditors and the tender's commissioner; admins read no bids). */
  readonly content: boolean;
}

/**
 * Auditors read every tender's audit; a commissioner only its own tenders'; admins operate the
 * platform and see the trail without bid content. Bidders and evaluators are stopped by @Roles.
 */
export function auditReader(identity: Identity, tender: Tender): AuditReader {
  if (identity.role === 'commissioner' && identity.organisationId !== tender.commissionerId) {
    throw new ForbiddenException({
      statusCode: 403,
      code: 'AUDIT_NOT_YOUR_TENDER',
      message: 'A commissioner may read the audit trail of its own tenders only.',
    });
  }
  return { identity, content: identity.role === 'auditor' || identity.role === 'commissioner' };
}
