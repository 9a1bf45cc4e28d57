import { PROCEDURE_PROFILES, PROCEDURE_PROFILE_IDS, effectiveMinimumTenderPeriodDays, isProcedureProfileId, procedureProfile } from './procedure-profiles';

describe('procedure profiles', () => {
  it('has one profile per route', () => {
    expect(PROCEDURE_PROFILES.map((p) => p.id)).toEqual([...PROCEDURE_PROFILE_IDS]);
    expect(PROCEDURE_PROFILE_IDS).toEqual([
      'pa23-open',
      'pa23-competitive-flexible',
      'psr-competitive',
      'psr-most-suitable-provider',
      'psr-direct-award-a',
      'psr-direct-award-b',
      'psr-direct-award-c',
    ]);
  });

  it('finds a profile by id and says undefined for an unknown one', () => {
    expect(procedureProfile('pa23-open')?.minimumTenderPeriodDays).toBe(25);
    expect(procedureProfile('eu-open')).toBeUndefined();
    expect(isProcedureProfileId('psr-competitive')).toBe(true);
    expect(isProcedureProfileId('psr-direct-award-d')).toBe(false);
  });

  it('Procurement Act routes: 25-day minimum, bids and lots, standstill of 8 working days beginning with the notice day', () => {
    for (const id of ['pa23-open', 'pa23-competitive-flexible']) {
      expect(procedureProfile(id)).toMatchObject({
        regime: 'procurement-act-2023',
        minimumTenderPeriodDays: 25,
        acceptsBids: true,
        lotsAllowed: true,
        clarificationsAllowed: true,
        standstill: { workingDays: 8, counting: 'beginning-with-notice-day' },
      });
      expect(procedureProfile(id)?.notices).toEqual(['tender-notice', 'contract-award-notice', 'contract-details-notice']);
    }
  });

  it('PSR competitive: configurable 30-day default, standstill from the day after, 5 further days after representations', () => {
    expect(procedureProfile('psr-competitive')).toMatchObject({
      regime: 'provider-selection-regime',
      awardProcess: 'competitive',
      minimumTenderPeriodDays: 30,
      acceptsBids: true,
      standstill: { workingDays: 8, counting: 'day-after-notice', furtherDaysAfterRepresentations: 5 },
      notices: ['tender-notice', 'intention-to-award', 'contract-award-notice'],
    });
  });

  it('PSR direct awards and most suitable provider take no bids and no lots', () => {
    for (const id of ['psr-most-suitable-provider', 'psr-direct-award-a', 'psr-direct-award-b', 'psr-direct-award-c']) {
      expect(procedureProfile(id)).toMatchObject({ acceptsBids: false, lotsAllowed: false, regime: 'provider-selection-regime' });
    }
  });

  it('direct award A and B have no standstill; C and most suitable provider publish an intention to award and stand still', () => {
    expect(procedureProfile('psr-direct-award-a')?.standstill).toBeNull();
    expect(procedureProfile('psr-direct-award-b')?.standstill).toBeNull();
    for (const id of ['psr-direct-award-c', 'psr-most-suitable-provider']) {
      expect(procedureProfile(id)?.notices).toContain('intention-to-award');
      expect(procedureProfile(id)?.standstill).toMatchObject({ workingDays: 8, counting: 'day-after-notice' });
    }
  });

  it('lets a tender lengthen the minimum period but never shorten it', () => {
    const profile = procedureProfile('psr-competitive')!;
    expect(effectiveMinimumTenderPeriodDays(profile, null)).toBe(30);
    expect(effectiveMinimumTenderPeriodDays(profile, 40)).toBe(40);
    expect(effectiveMinimumTenderPeriodDays(profile, 10)).toBe(30);
  });
});
