// The application's sealing, played by hand with node:crypto around the pure decider: seal with
// AES-256-GCM, submit, then decrypt and open. Shows the domain contract holds end to end, and that
// a ciphertext swapped in the store is caught by the commitment. Fixed key and ivs keep it deterministic.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { fold } from '@tenderledger/domain-kit';
import {
  bidDecider,
  computeCommitment,
  sealedPlaintext,
  type BidContent,
  type BidEvent,
  type OpeningAttempt,
  type SealedContent,
} from '@tenderledger/bidding';
import { AFTER, BEFORE, BID, LOT_A, NONCE, NONCE_2, PRACTICE, TENDER, closedTender, content, tender } from '../src/domain/testing/fixtures';

const KEY = Buffer.alloc(32, 7);

function seal(plain: BidContent, nonce: string, ivByte: number): SealedContent {
  const iv = Buffer.alloc(12, ivByte);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  const ciphertext = Buffer.concat([cipher.update(sealedPlaintext(plain, nonce), 'utf8'), cipher.final()]);
  return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), authTag: cipher.getAuthTag().toString('base64'), keyId: 'test-key' };
}

function unseal(sealed: SealedContent): OpeningAttempt {
  try {
    const decipher = createDecipheriv('aes-256-gcm', KEY, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(plain) as { content: BidContent; nonce: string };
  } catch {
    return { failure: 'UNDECRYPTABLE' };
  }
}

function submitAndOpen(sealedAtSubmission: SealedContent, commitment: string, sealedInStore: SealedContent): BidEvent[] {
  const submitted = bidDecider.decide(
    { type: 'SubmitBid', data: { bidId: BID, tenderId: TENDER, bidder: { kind: 'organisation', organisationId: PRACTICE }, lotIds: [LOT_A, content.lots[1]!.lotId], sealed: sealedAtSubmission, commitment, submittedBy: PRACTICE, tender: tender(), now: BEFORE } },
    bidDecider.initialState(),
  );
  // What the store holds may differ from what was submitted (the tampering case).
  const stored = submitted.map((e) => (e.type === 'BidSubmitted' ? { ...e, data: { ...e.data, sealed: sealedInStore } } : e));
  const state = fold(bidDecider, stored);
  if (state.status !== 'submitted') throw new Error('expected a submitted bid');
  return bidDecider.decide({ type: 'OpenBid', data: { bidId: BID, opened: unseal(state.sealed), tender: closedTender(), now: AFTER } }, state);
}

describe('sealing round trip (application contract)', () => {
  const commitment = computeCommitment(content, NONCE);

  it('opens what was sealed and verifies it against the commitment', () => {
    const sealed = seal(content, NONCE, 1);
    const [opened] = submitAndOpen(sealed, commitment, sealed);
    expect(opened).toMatchObject({ type: 'BidOpened', data: { content, nonce: NONCE, commitment } });
  });

  it('records COMMITMENT_MISMATCH when another validly sealed content is swapped into the store', () => {
    const forged: BidContent = { ...content, lots: [{ lotId: LOT_A, price: 1 }, content.lots[1]!] };
    const [event] = submitAndOpen(seal(content, NONCE, 1), commitment, seal(forged, NONCE_2, 2));
    expect(event).toMatchObject({ type: 'BidOpeningFailed', data: { reason: 'COMMITMENT_MISMATCH', expectedCommitment: commitment } });
  });

  it('records UNDECRYPTABLE when the ciphertext was altered (GCM tag fails)', () => {
    const sealed = seal(content, NONCE, 1);
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    const [event] = submitAndOpen(sealed, commitment, { ...sealed, ciphertext: flipped.toString('base64') });
    expect(event).toMatchObject({ type: 'BidOpeningFailed', data: { reason: 'UNDECRYPTABLE' } });
  });
});
