import { DomainError } from '@tenderledger/domain-kit';
import { assertValidBidContent, lotIdsOf, validateBidContent, type BidContent } from './bid-content';
import { asCriterionId, asLotId } from './ids';
import { ACCESS, LOT_A, LOT_B, LOT_C, QUALITY, content, tender } from './testing/fixtures';

const codes = (c: BidContent, lotIds?: Parameters<typeof validateBidContent>[2]) =>
  validateBidContent(c, tender(), lotIds).map((p) => `${p.code} ${p.path}`);

describe('validateBidContent (called before sealing, and again at opening)', () => {
  it('finds nothing wrong with complete content', () => {
    expect(validateBidContent(content, tender())).toEqual([]);
    expect(validateBidContent(content, tender(), [LOT_A, LOT_B])).toEqual([]);
  });

  it('needs at least one priced lot', () => {
    expect(codes({ ...content, lots: [] })).toEqual(['NO_LOTS lots']);
  });

  it('needs every declared lot priced, and only those', () => {
    expect(codes(content, [LOT_A, LOT_B, LOT_C])).toEqual(['LOT_NOT_PRICED lots']);
    expect(codes(content, [LOT_A])).toEqual(['LOT_NOT_IN_BID lots[1].lotId']);
  });

  it('refuses lots that are not the tender’s, and lots priced twice', () => {
    expect(codes({ ...content, lots: [{ lotId: asLotId('lot-z'), price: 10 }] })).toEqual(['LOT_NOT_IN_TENDER lots[0].lotId']);
    expect(codes({ ...content, lots: [{ lotId: LOT_A, price: 10 }, { lotId: LOT_A, price: 20 }] })).toEqual(['LOT_PRICED_TWICE lots[1].lotId']);
  });

  it.each([0, -100, 12.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, '1000' as unknown as number])('refuses the price %p (prices are positive whole pence)', (price) => {
    expect(codes({ ...content, lots: [{ lotId: LOT_A, price }] })).toEqual(['PRICE_NOT_POSITIVE_INTEGER lots[0].price']);
  });

  it('accepts distinct lot preferences from 1 and refuses others', () => {
    expect(codes({ ...content, lots: [{ lotId: LOT_A, price: 1, preference: 2 }, { lotId: LOT_B, price: 1, preference: 1 }] })).toEqual([]);
    expect(codes({ ...content, lots: [{ lotId: LOT_A, price: 1, preference: 0 }] })).toEqual(['PREFERENCE_INVALID lots[0].preference']);
    expect(codes({ ...content, lots: [{ lotId: LOT_A, price: 1, preference: 1 }, { lotId: LOT_B, price: 1, preference: 1 }] })).toEqual([
      'PREFERENCE_INVALID lots[1].preference',
    ]);
  });

  it('needs a response for every quality criterion, once each, not empty, and only the tender’s criteria', () => {
    const [quality, access] = content.qualityResponses;
    expect(codes({ ...content, qualityResponses: [quality!] })).toEqual(['CRITERION_UNANSWERED qualityResponses']);
    expect(codes({ ...content, qualityResponses: [quality!, access!, quality!] })).toEqual(['CRITERION_ANSWERED_TWICE qualityResponses[2].criterionId']);
    expect(codes({ ...content, qualityResponses: [quality!, { criterionId: ACCESS, response: '  ' }] })).toEqual(['RESPONSE_EMPTY qualityResponses[1].response']);
    expect(codes({ ...content, qualityResponses: [quality!, access!, { criterionId: asCriterionId('crit-x'), response: 'x' }] })).toEqual([
      'CRITERION_UNKNOWN qualityResponses[2].criterionId',
    ]);
  });

  it('allows no social value commitments but refuses blank ones', () => {
    expect(codes({ ...content, socialValueCommitments: [] })).toEqual([]);
    expect(codes({ ...content, socialValueCommitments: ['Local hiring', ''] })).toEqual(['SOCIAL_VALUE_EMPTY socialValueCommitments[1]']);
  });

  it('reports malformed content (it may come from parsed JSON) instead of throwing', () => {
    expect(codes({ lots: [] } as unknown as BidContent)).toEqual(['CONTENT_MALFORMED ']);
    expect(codes(null as unknown as BidContent)).toEqual(['CONTENT_MALFORMED ']);
    expect(codes({ ...content, lots: [null, { lotId: LOT_A, price: 5 }] } as unknown as BidContent)).toEqual(['CONTENT_MALFORMED lots[0]']);
    expect(codes({ ...content, qualityResponses: [{ response: 'x' }] } as unknown as BidContent)).toEqual([
      'CONTENT_MALFORMED qualityResponses[0]',
      'CRITERION_UNANSWERED qualityResponses',
      'CRITERION_UNANSWERED qualityResponses',
    ]);
  });

  it('gives sentences a person understands', () => {
    const [problem] = validateBidContent({ ...content, lots: [{ lotId: LOT_A, price: 0 }] }, tender());
    expect(problem!.message).toBe('The price for lot lot-a-north must be a whole number of pence greater than zero.');
  });
});

describe('assertValidBidContent (for the application, before encrypting)', () => {
  it('passes complete content', () => {
    expect(() => assertValidBidContent(content, tender(), lotIdsOf(content))).not.toThrow();
  });

  it('refuses incomplete content with BID_CONTENT_INVALID (422) listing every problem', () => {
    let error: unknown;
    try {
      assertValidBidContent({ ...content, qualityResponses: [] }, tender());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BID_CONTENT_INVALID', kind: 'rule' });
    expect((error as DomainError).details).toEqual({
      problems: [expect.objectContaining({ code: 'CRITERION_UNANSWERED' }), expect.objectContaining({ code: 'CRITERION_UNANSWERED' })],
    });
    expect((error as DomainError).message).toContain(`Criterion ${QUALITY} has no response.`);
  });
});

describe('lotIdsOf', () => {
  it('lists the priced lots in order: what SubmitBid declares', () => {
    expect(lotIdsOf(content)).toEqual([LOT_A, LOT_B]);
  });
});
