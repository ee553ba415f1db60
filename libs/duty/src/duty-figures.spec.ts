import { dutyFigures, type DutyFigureInput } from './duty-figures';

const at = (d: string) => `${d}T15:59:59.999Z`;
const o = (over: Partial<DutyFigureInput>): DutyFigureInput => ({
  kind: 'inspection',
  status: 'open',
  recordDueAt: at('2026-03-04'),
  breachedAt: null,
  ...over,
});

describe('duty figures', () => {
  const now = '2026-06-01T00:00:00.000Z';

  it('counts only signed duties as done, a late signature as done and late', () => {
    const f = dutyFigures(
      [
        o({ status: 'signed' }),
        o({ status: 'signed', breachedAt: at('2026-03-04') }),
        o({ status: 'recorded' }),
        o({ status: 'open', recordDueAt: at('2026-09-01') }),
        o({ status: 'cancelled' }),
      ],
      now,
    );
    expect(f.total).toMatchObject({ due: 3, done: 2, late: 1, missed: 1, upcoming: 1 });
    expect(f.total.completionPermille).toBe(666);
  });

  it('counts a duty signed before its deadline as due and done', () => {
    const f = dutyFigures([o({ status: 'signed', recordDueAt: at('2026-09-01') })], now);
    expect(f.total).toMatchObject({ due: 1, done: 1, upcoming: 0, completionPermille: 1000 });
  });

  it('flags a second missed holiday duty, not the first', () => {
    const holiday = (n: number) =>
      Array.from({ length: n }, () => o({ kind: 'holiday_duty', status: 'open' }));
    expect(dutyFigures(holiday(1), now).holidayMissesOver).toBe(false);
    expect(dutyFigures(holiday(2), now).holidayMissesOver).toBe(true);
  });

  it('answers no rate when nothing was due yet', () => {
    expect(
      dutyFigures([o({ recordDueAt: at('2026-12-01') })], now).total.completionPermille,
    ).toBeNull();
  });
});
