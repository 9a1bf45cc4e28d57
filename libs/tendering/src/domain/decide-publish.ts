import { canonicalHash, conflict, refuse } from '@tenderledger/domain-kit';
import type { PublishTender } from './commands';
import { formatBasisPoints, totalWeightBasisPoints, WEIGHTS_TOTAL_BASIS_POINTS } from './criteria';
import type { TenderPublished } from './events';
import { requireDraft, requireInstant, requireOwner, requireProfile, requireTender } from './guards';
import { effectiveMinimumTenderPeriodDays } from './procedure-profiles';
import type { TenderState } from './state';
import { deadlinesInOrder, tenderPeriodDays } from './timeline';

/** Publication runs every DESIGN §8 check; the event is the tender notice as published. */
export function decidePublishTender(command: PublishTender, state: TenderState): TenderPublished[] {
  const tender = requireTender(state);
  const { commissionerId, now } = command.data;
  requireOwner(tender, commissionerId);
  requireDraft(tender);
  requireInstant(now, 'now');
  const { terms, lots } = tender;
  const profile = requireProfile(terms.procedureProfileId);

  if (!profile.acceptsBids)
    refuse(
      'TENDER_PROFILE_TAKES_NO_BIDS',
      `${profile.name} does not invite bids, so it is not published for competition: record it as a direct award decision instead.`,
      { procedureProfileId: profile.id },
    );
  if (terms.criteria.length === 0) refuse('TENDER_NO_CRITERIA', 'A tender needs award criteria before it is published.');
  const total = totalWeightBasisPoints(terms.criteria);
  if (total !== WEIGHTS_TOTAL_BASIS_POINTS)
    refuse('TENDER_WEIGHTS_NOT_100', `The award criteria weights add up to ${formatBasisPoints(total)}; they must add up to exactly 100%.`, {
      totalBasisPoints: total,
    });
  if (tender.pendingProposal !== null)
    conflict('TENDER_LOT_SPLIT_PROPOSAL_PENDING', 'A lot split proposal is waiting: accept or reject it before publishing.');
  if (lots.length === 0) refuse('TENDER_NO_LOTS', 'A tender needs at least one lot: define lots, accept a proposed split, or record why it is not split.');
  if (lots.length === 1 && profile.lotsAllowed && tender.noSplitReason === null)
    refuse('TENDER_NO_SPLIT_REASON', 'A tender offered as one whole-contract lot needs a recorded reason for not splitting it.');
  const lotLimit = tender.lotLimit ?? lots.length;
  if (lotLimit > lots.length)
    refuse('TENDER_LOT_LIMIT_INVALID', `The lot limit (${lotLimit}) cannot be more than the number of lots (${lots.length}).`, {
      lotLimit,
      lots: lots.length,
    });
  if (!deadlinesInOrder(terms.timeline, now))
    refuse(
      'TENDER_DEADLINES_OUT_OF_ORDER',
      'Publication must come before the clarification deadline, that before the submission deadline, and that before the planned award.',
    );
  const minimum = effectiveMinimumTenderPeriodDays(profile, terms.minimumTenderPeriodDays);
  const period = tenderPeriodDays(now, terms.timeline.submissionDeadline);
  if (period < minimum)
    refuse('TENDER_PERIOD_TOO_SHORT', `The tender period would be ${period} days; this tender needs at least ${minimum} from publication to the submission deadline.`, {
      periodDays: period,
      minimumDays: minimum,
    });

  return [
    {
      type: 'TenderPublished',
      data: {
        tenderId: tender.tenderId,
        publishedBy: commissionerId,
        publishedAt: now,
        procedureProfileId: profile.id,
        regime: profile.regime,
        notices: profile.notices,
        title: terms.title,
        lots,
        lotLimit,
        criteria: terms.criteria,
        timeline: terms.timeline,
        minimumTenderPeriodDays: minimum,
        tenderPeriodDays: period,
        contentHash: canonicalHash({ tenderId: tender.tenderId, terms, lots, lotLimit, noSplitReason: tender.noSplitReason }),
      },
    },
  ];
}
