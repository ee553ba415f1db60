import {
  addCalendarDays,
  calendarDaysBetween,
  endOfShanghaiDate,
  isCalendarDate,
  shanghaiDate,
  shanghaiDateAt,
} from './shanghai-date.util';

describe('Shanghai dates', () => {
  it('gives the Shanghai date of an instant', () => {
    expect(shanghaiDate('2026-12-03T15:59:59.999Z')).toBe('2026-12-03');
    expect(shanghaiDate('2026-12-03T16:00:00.000Z')).toBe('2026-12-04');
    expect(shanghaiDate(Date.parse('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('ends a date at its last millisecond and places an hour on it', () => {
    expect(endOfShanghaiDate('2026-12-03')).toBe('2026-12-03T15:59:59.999Z');
    expect(shanghaiDateAt('2026-12-03', 9)).toBe('2026-12-03T01:00:00.000Z');
  });

  it('counts and moves calendar days', () => {
    expect(calendarDaysBetween('2026-12-03', '2026-12-10')).toBe(7);
    expect(calendarDaysBetween('2026-12-10', '2026-12-03')).toBe(-7);
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('knows a real date', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate(20270101)).toBe(false);
    expect(() => endOfShanghaiDate('tomorrow')).toThrow(RangeError);
  });
});
