import {
  addCalendarDays,
  calendarDaysBetween,
  endOfShanghaiDate,
  formatDate,
  formatTime,
  isCalendarDate,
  shanghaiDate,
  shanghaiDateAt,
  toShanghaiIso,
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

  it('renders an instant with the +08:00 offset', () => {
    expect(toShanghaiIso(new Date('2026-10-10T15:59:59.999Z'))).toBe(
      '2026-10-10T23:59:59.999+08:00',
    );
    expect(toShanghaiIso(new Date('2026-03-03T16:30:00Z'))).toBe('2026-03-04T00:30:00.000+08:00');
  });

  it('takes the calendar day in Shanghai, not in UTC', () => {
    expect(shanghaiDate(new Date('2026-03-03T15:59:59.999Z'))).toBe('2026-03-03');
    expect(shanghaiDate(new Date('2026-03-03T16:00:00Z'))).toBe('2026-03-04');
  });

  it('rejects an invalid instant', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(RangeError);
    expect(() => toShanghaiIso(new Date(NaN))).toThrow(RangeError);
    expect(() => formatTime('nope')).toThrow(RangeError);
  });

  it('formats dates as YYYY-MM-DD and times as YYYY-MM-DD HH:mm in Shanghai', () => {
    expect(formatDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(formatDate('2026-12-31')).toBe('2026-12-31');
    expect(formatTime('2026-10-10T15:59:59.999Z')).toBe('2026-10-10 23:59');
    expect(formatTime(new Date('2026-03-03T16:30:00Z'))).toBe('2026-03-04 00:30');
    expect(formatTime(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
});
