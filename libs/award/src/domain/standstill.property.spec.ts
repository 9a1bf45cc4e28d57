import { addDays, englandAndWales } from '@tenderledger/domain-kit';
import fc from 'fast-check';
import { standstillFrom, standstillOver, type StandstillRule } from './standstill';

// Any notice instant from 2025 to 2030, any counting rule: the period holds exactly `workingDays`
// working days, ends on one, and the standstill is over only from the end instant on.
const noticeAt = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString());
const rule: fc.Arbitrary<StandstillRule> = fc.record({
  workingDays: fc.integer({ min: 1, max: 15 }),
  counting: fc.constantFrom('beginning-with-notice-day' as const, 'day-after-notice' as const),
});

const workingDaysBetween = (from: string, to: string): number => {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (englandAndWales.isWorkingDay(day)) count++;
  return count;
};

describe('standstill periods (property)', () => {
  it('count exactly the rule’s working days and end at the end of a working day', () => {
    fc.assert(
      fc.property(noticeAt, rule, (notice, r) => {
        const period = standstillFrom(r, notice);
        const first = r.counting === 'beginning-with-notice-day' ? period.noticeDate : addDays(period.noticeDate, 1);
        expect(englandAndWales.isWorkingDay(period.lastWorkingDay)).toBe(true);
        expect(workingDaysBetween(first, period.lastWorkingDay)).toBe(r.workingDays);
        expect(period.endsAt).toBe(englandAndWales.endOfDay(period.lastWorkingDay));
        expect(standstillOver(period.endsAt, notice)).toBe(false);
        expect(standstillOver(period.endsAt, new Date(Date.parse(period.endsAt) - 1).toISOString())).toBe(false);
        expect(standstillOver(period.endsAt, period.endsAt)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
