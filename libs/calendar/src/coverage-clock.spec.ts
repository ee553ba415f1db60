import { toShanghaiIso } from '@luyue/domain';
import { coverage, ROUND_THE_CLOCK, WORKING_HOURS } from './coverage';
import { coveredMinutesBetween, dueInstant, isCovered } from './coverage-clock';
import { WorkingDayCalendar } from './working-day-calendar';

const cal = new WorkingDayCalendar();
const at = (iso: string) => new Date(iso);
const due = (c = WORKING_HOURS, from: string, minutes: number) =>
  toShanghaiIso(dueInstant(cal, c, at(from), minutes).due);

describe('dueInstant', () => {
  it('三级 Friday 2025-09-26 16:00 + 4 h 工作时间 is due on the 调休 Sunday 09-28 10:30', () => {
    expect(dueInstant(cal, WORKING_HOURS, at('2025-09-26T16:00:00+08:00'), 240)).toEqual({
      due: at('2025-09-28T10:30:00+08:00'),
      provisional: false,
    });
  });

  it('Tuesday 2025-09-30 17:00 + 4 h skips 国庆 10-01..10-08 to Thursday 10-09 11:30', () => {
    expect(due(WORKING_HOURS, '2025-09-30T17:00:00+08:00', 240)).toBe(
      '2025-10-09T11:30:00.000+08:00',
    );
  });

  it('7×24 runs across midnight', () => {
    expect(due(ROUND_THE_CLOCK, '2025-10-01T23:55:00+08:00', 10)).toBe(
      '2025-10-02T00:05:00.000+08:00',
    );
  });

  it('7×24 lands on midnight itself when the budget ends there', () => {
    expect(due(ROUND_THE_CLOCK, '2025-10-01T23:50:00+08:00', 10)).toBe(
      '2025-10-02T00:00:00.000+08:00',
    );
  });

  it('7×24 jumps whole days for long budgets', () => {
    expect(due(ROUND_THE_CLOCK, '2025-01-01T06:00:00+08:00', 366 * 1440)).toBe(
      '2026-01-02T06:00:00.000+08:00',
    );
  });

  it('a start inside the lunch break counts from 13:30', () => {
    expect(due(WORKING_HOURS, '2025-09-24T12:10:00+08:00', 30)).toBe(
      '2025-09-24T14:00:00.000+08:00',
    );
  });

  it('a start on a holiday counts from the next working day 08:00', () => {
    expect(due(WORKING_HOURS, '2025-10-03T09:00:00+08:00', 60)).toBe(
      '2025-10-09T09:00:00.000+08:00',
    );
  });

  it('a budget ending with the afternoon is due at 17:30, not the next morning', () => {
    expect(due(WORKING_HOURS, '2025-09-24T16:30:00+08:00', 60)).toBe(
      '2025-09-24T17:30:00.000+08:00',
    );
    expect(due(WORKING_HOURS, '2025-09-24T08:00:00+08:00', 480)).toBe(
      '2025-09-24T17:30:00.000+08:00',
    );
  });

  it('a budget ending with the morning is due at 12:00', () => {
    expect(due(WORKING_HOURS, '2025-09-24T11:00:00+08:00', 60)).toBe(
      '2025-09-24T12:00:00.000+08:00',
    );
  });

  it('0 minutes are due at from itself, even outside the coverage', () => {
    expect(dueInstant(cal, WORKING_HOURS, at('2025-10-01T03:00:00+08:00'), 0)).toEqual({
      due: at('2025-10-01T03:00:00+08:00'),
      provisional: false,
    });
  });

  it('keeps milliseconds of from', () => {
    expect(due(WORKING_HOURS, '2025-09-24T09:00:00.123+08:00', 1)).toBe(
      '2025-09-24T09:01:00.123+08:00',
    );
  });

  it('is provisional when it crosses into a year without an official schedule', () => {
    // 2027 is provisional: 01-01 off, then the weekend, so Monday 01-04.
    expect(dueInstant(cal, WORKING_HOURS, at('2026-12-31T16:00:00+08:00'), 240)).toEqual({
      due: at('2027-01-04T10:30:00+08:00'),
      provisional: true,
    });
    // Every day covered: no working day was asked, so nothing is provisional.
    expect(
      dueInstant(cal, ROUND_THE_CLOCK, at('2026-12-31T16:00:00+08:00'), 2880).provisional,
    ).toBe(false);
  });

  // Fictional official 2027: 01-01 off, Saturday 01-02 a 调休 working day.
  it('uses a loaded official year', () => {
    const loaded = new WorkingDayCalendar(
      new Map([[2027, { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-02'] }]]),
    );
    expect(dueInstant(loaded, WORKING_HOURS, at('2026-12-31T16:00:00+08:00'), 240)).toEqual({
      due: at('2027-01-02T10:30:00+08:00'),
      provisional: false,
    });
  });

  it('refuses a bad budget or instant', () => {
    expect(() => dueInstant(cal, WORKING_HOURS, at('2025-09-24'), -1)).toThrow(RangeError);
    expect(() => dueInstant(cal, WORKING_HOURS, at('2025-09-24'), 1.5)).toThrow(RangeError);
    expect(() => dueInstant(cal, WORKING_HOURS, at('nope'), 1)).toThrow(RangeError);
  });

  it('stops with a RangeError when no day is covered for 400 days', () => {
    const never = {
      isWorkingDayNumber: () => false,
      isProvisionalYear: () => false,
    } as unknown as WorkingDayCalendar;
    expect(() => dueInstant(never, WORKING_HOURS, at('2025-09-24'), 1)).toThrow(/400 days/);
  });

  it('stops with a RangeError past the calendar data (2099)', () => {
    expect(() => dueInstant(cal, WORKING_HOURS, at('2099-12-31T16:00:00+08:00'), 240)).toThrow(
      RangeError,
    );
  });
});

describe('coveredMinutesBetween', () => {
  it('counts the covered minutes of the 国庆 example', () => {
    expect(
      coveredMinutesBetween(
        cal,
        WORKING_HOURS,
        at('2025-09-30T17:00:00+08:00'),
        at('2025-10-09T11:30:00+08:00'),
      ),
    ).toEqual({ ms: 240 * 60_000, minutes: 240, provisional: false });
  });

  it('is zero for an empty or reversed span and a span outside the coverage', () => {
    const a = at('2025-09-24T12:00:00+08:00');
    const b = at('2025-09-24T13:30:00+08:00');
    expect(coveredMinutesBetween(cal, WORKING_HOURS, b, a).ms).toBe(0);
    expect(coveredMinutesBetween(cal, WORKING_HOURS, a, a).ms).toBe(0);
    expect(coveredMinutesBetween(cal, WORKING_HOURS, a, b).ms).toBe(0);
  });

  it('counts whole minutes and keeps the milliseconds', () => {
    expect(
      coveredMinutesBetween(
        cal,
        ROUND_THE_CLOCK,
        at('2025-09-24T09:00:00+08:00'),
        at('2025-09-24T09:02:30+08:00'),
      ),
    ).toEqual({ ms: 150_000, minutes: 2, provisional: false });
  });
});

describe('isCovered', () => {
  it.each([
    ['2025-09-24T08:00:00+08:00', true],
    ['2025-09-24T12:00:00+08:00', false],
    ['2025-09-24T17:29:59.999+08:00', true],
    ['2025-09-24T17:30:00+08:00', false],
    ['2025-09-28T09:00:00+08:00', true], // 调休 Sunday
    ['2025-10-02T09:00:00+08:00', false], // 国庆
  ])('工作时间 at %s → %s', (iso, expected) => {
    expect(isCovered(cal, WORKING_HOURS, at(iso))).toBe(expected);
  });
});

describe('clock properties over seeded random inputs', () => {
  // mulberry32: a fixed seed, so a failure reproduces.
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const coverages = [
    WORKING_HOURS,
    ROUND_THE_CLOCK,
    coverage('all', ['08:00-12:00', '13:30-17:30']),
    coverage('working', ['00:00-09:00', '09:00-09:01', '22:00-24:00']),
  ];
  const start = Date.parse('2024-01-01T00:00:00+08:00');
  const span = Date.parse('2026-10-01T00:00:00+08:00') - start;

  it('coveredMinutesBetween(from, due(from, n)) is n, and the last ms before due is covered', () => {
    for (let i = 0; i < 2000; i++) {
      const c = coverages[i % coverages.length];
      const from = new Date(start + Math.floor(random() * span));
      const n = Math.floor(random() * 6000);
      const { due } = dueInstant(cal, c, from, n);
      const covered = coveredMinutesBetween(cal, c, from, due);
      expect({ i, ms: covered.ms }).toEqual({ i, ms: n * 60_000 });
      if (n > 0) expect(isCovered(cal, c, new Date(due.getTime() - 1))).toBe(true);
    }
  });

  it('covered time adds up over a pause: [a, c) = [a, b) + [b, c)', () => {
    for (let i = 0; i < 500; i++) {
      const c = coverages[i % coverages.length];
      const [a, b, d] = [0, 1, 2]
        .map(() => start + Math.floor(random() * span))
        .sort((x, y) => x - y)
        .map((t) => new Date(t));
      const whole = coveredMinutesBetween(cal, c, a, d).ms;
      const parts = coveredMinutesBetween(cal, c, a, b).ms + coveredMinutesBetween(cal, c, b, d).ms;
      expect({ i, whole }).toEqual({ i, whole: parts });
    }
  });
});
