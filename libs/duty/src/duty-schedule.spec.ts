import { WorkingDayCalendar } from '@luyue/calendar';
import type { DutyPlan } from './duty-plan';
import { dutySlots } from './duty-schedule';

const calendar = new WorkingDayCalendar();
const Y2025 = { startDate: '2025-01-01', endDate: '2025-12-31' };
type Schedule = Pick<DutyPlan, 'cadence' | 'windowDays' | 'deadline' | 'reminderWorkingDays'>;
const plan = (cadence: DutyPlan['cadence'], over: Partial<Schedule> = {}): Schedule => ({
  cadence,
  windowDays: null,
  deadline: { workingDays: 3, time: null },
  reminderWorkingDays: 1,
  ...over,
});
const slot = (p: Schedule, key: string, year = Y2025) => {
  const found = dutySlots(p, year, calendar).find((s) => s.key === key);
  if (!found) throw new Error(`no slot ${key}`);
  return found;
};

describe('duty schedule', () => {
  it('moves a monthly inspection due on 2025-10-01 to 2025-10-09, its report three working days later', () => {
    const s = slot(plan({ type: 'monthly', day: 1 }), '2025-10-01');
    expect(s.dueDay).toBe('2025-10-09');
    // 10-11 is a make-up Saturday, so three working days after Thursday 10-09 end on Monday 10-13.
    expect(s.recordDueAt).toBe('2025-10-13T15:59:59.999Z');
    expect(s.windowStart).toBe('2025-10-01');
    expect(s.remindAt).toBe('2025-10-11T01:00:00.000Z');
    expect(s.provisional).toBe(false);
  });

  it('places the quarterly report on the 25th of the quarter’s last month', () => {
    const p = plan(
      { type: 'quarterly', month: 3, day: 25 },
      { deadline: { workingDays: 0, time: null } },
    );
    const slots = dutySlots(p, Y2025, calendar);
    expect(slots.map((s) => s.dueDay)).toEqual([
      '2025-03-25',
      '2025-06-25',
      '2025-09-25',
      '2025-12-25',
    ]);
    expect(slots[3].windowStart).toBe('2025-10-01');
    expect(slots[3].recordDueAt).toBe('2025-12-25T15:59:59.999Z');
  });

  it('moves the weekly Friday 12:00 report of the National Day week to the first working day after it', () => {
    const p = plan({ type: 'weekly', weekday: 5 }, { deadline: { workingDays: 0, time: '12:00' } });
    const slots = dutySlots(p, Y2025, calendar);
    expect(slots).toHaveLength(52);
    const national = slot(p, '2025-10-03');
    expect(national.dueDay).toBe('2025-10-09');
    expect(national.recordDueAt).toBe('2025-10-09T04:00:00.000Z');
    expect(slot(p, '2025-10-10').dueDay).toBe('2025-10-10');
  });

  it('spreads four inspections over a contract year that starts mid-year', () => {
    const year = { startDate: '2025-07-15', endDate: '2026-07-14' };
    const slots = dutySlots(plan({ type: 'times_a_year', times: 4 }), year, calendar);
    expect(slots.map((s) => [s.windowStart, s.key])).toEqual([
      ['2025-07-15', '2025-10-14'],
      ['2025-10-15', '2026-01-14'],
      ['2026-01-15', '2026-04-14'],
      ['2026-04-15', '2026-07-14'],
    ]);
  });

  it('follows the official holidays: duty during each, an inspection the working day before', () => {
    const during = dutySlots(plan({ type: 'during_holidays' }), Y2025, calendar);
    const national = during.find((s) => s.key === '2025-10-01');
    expect(national).toMatchObject({ windowStart: '2025-10-01', dueDay: '2025-10-08' });
    expect(during.map((s) => s.key)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-04-04',
      '2025-05-01',
      '2025-05-31',
      '2025-10-01',
    ]);
    const before = dutySlots(
      plan({ type: 'before_holidays', workingDaysBefore: 1 }),
      Y2025,
      calendar,
    );
    // 2025-09-28 is the make-up Sunday before the National Day holiday.
    expect(before.find((s) => s.key === '2025-10-01')?.dueDay).toBe('2025-09-30');
  });

  it('marks a year without an official schedule provisional', () => {
    const year = { startDate: '2031-01-01', endDate: '2031-12-31' };
    const slots = dutySlots(plan({ type: 'monthly', day: 15 }), year, calendar);
    expect(slots).toHaveLength(12);
    expect(slots.every((s) => s.provisional)).toBe(true);
  });

  it('keeps only the days from `from` on, and listed dates inside the year', () => {
    const p = plan({ type: 'dates', dates: ['2025-03-01', '2025-11-11', '2026-02-01'] });
    expect(dutySlots(p, Y2025, calendar).map((s) => s.dueDay)).toEqual([
      '2025-03-03',
      '2025-11-11',
    ]);
    expect(dutySlots(p, Y2025, calendar, '2025-06-01').map((s) => s.key)).toEqual(['2025-11-11']);
  });

  it('answers the last day of a shorter month for day 31', () => {
    const slots = dutySlots(plan({ type: 'monthly', day: 31 }), Y2025, calendar);
    expect(slots.find((s) => s.key.startsWith('2025-02'))?.key).toBe('2025-02-28');
  });

  it('follows the 2026 calendar: a make-up Sunday, the Mid-Autumn Friday, the Spring Festival span', () => {
    const y2026 = { startDate: '2026-01-01', endDate: '2026-12-31' };
    // 2026-01-04 is the Sunday worked for the New Year holiday.
    expect(slot(plan({ type: 'monthly', day: 1 }), '2026-01-01', y2026).dueDay).toBe('2026-01-04');
    const weekly = plan(
      { type: 'weekly', weekday: 5 },
      { deadline: { workingDays: 0, time: '12:00' } },
    );
    expect(slot(weekly, '2026-09-25', y2026).dueDay).toBe('2026-09-28');
    const spring = slot(plan({ type: 'during_holidays' }), '2026-02-15', y2026);
    expect([spring.windowStart, spring.dueDay]).toEqual(['2026-02-15', '2026-02-23']);
  });
});
