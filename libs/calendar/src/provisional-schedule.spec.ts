import { builtinSchedule } from './builtin-schedules';
import { formatDay, weekdayOfDay } from './day-number';
import { lunarToSolarDay, provisionalSchedule, qingmingDay } from './provisional-schedule';

const lunar = (y: number, m: number, d: number) => formatDay(lunarToSolarDay(y, m, d));

describe('lunar and solar-term helpers', () => {
  it('finds Spring Festival (正月初一) on known dates', () => {
    expect(lunar(2024, 1, 1)).toBe('2024-02-10');
    expect(lunar(2025, 1, 1)).toBe('2025-01-29');
    expect(lunar(2026, 1, 1)).toBe('2026-02-17');
    expect(lunar(2027, 1, 1)).toBe('2027-02-06');
    expect(lunar(2028, 1, 1)).toBe('2028-01-26');
    expect(lunar(2029, 1, 1)).toBe('2029-02-13');
    expect(lunar(2030, 1, 1)).toBe('2030-02-03');
  });

  it('takes the regular month, not the leap one (2028 has 闰五月; 2025 has 闰六月)', () => {
    expect(lunar(2028, 5, 5)).toBe('2028-05-28');
    expect(lunar(2025, 8, 15)).toBe('2025-10-06');
  });

  it('finds 清明', () => {
    expect(formatDay(qingmingDay(2026))).toBe('2026-04-05');
    expect(formatDay(qingmingDay(2027))).toBe('2027-04-05');
    expect(formatDay(qingmingDay(2028))).toBe('2028-04-04');
  });

  it('falls on days off in the official schedules shipped with chinese-days (2008–2026)', () => {
    // "Off" rather than "listed": the data omits some weekend days inside a span (2012-06-23).
    for (let y = 2008; y <= 2026; y++) {
      const official = builtinSchedule(y);
      const off = (d: number) =>
        official!.holidays.includes(formatDay(d)) ||
        ([0, 6].includes(weekdayOfDay(d)) && !official!.workdays.includes(formatDay(d)));
      const chuyi = lunarToSolarDay(y, 1, 1);
      const festivals = [chuyi, chuyi + 1, chuyi + 2, qingmingDay(y)];
      festivals.push(lunarToSolarDay(y, 5, 5), lunarToSolarDay(y, 8, 15));
      for (const d of festivals)
        expect(`${formatDay(d)} off: ${off(d)}`).toBe(`${formatDay(d)} off: true`);
    }
  });
});

describe('provisionalSchedule', () => {
  it('lists the fixed statutory holidays of 2027 and no 调休', () => {
    expect(provisionalSchedule(2027)).toEqual({
      year: 2027,
      holidays: [
        '2027-01-01',
        '2027-02-05', // 除夕 (腊月廿九: 腊月 2026 has 29 days)
        '2027-02-06',
        '2027-02-07',
        '2027-02-08', // 初三
        '2027-04-05',
        '2027-05-01',
        '2027-05-02',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
        '2027-10-02',
        '2027-10-03',
      ],
      workdays: [],
    });
  });

  it('is a subset of the official schedule under the 2025 rules', () => {
    for (const y of [2025, 2026]) {
      const official = new Set(builtinSchedule(y)?.holidays);
      expect(provisionalSchedule(y).holidays.filter((d) => !official.has(d))).toEqual([]);
    }
  });

  it('counts a 中秋 that falls on 国庆 once (2020-10-01)', () => {
    expect(provisionalSchedule(2020).holidays.filter((d) => d === '2020-10-01')).toHaveLength(1);
  });

  it('refuses years outside the lunar table', () => {
    expect(() => provisionalSchedule(2100)).toThrow(RangeError);
    expect(() => provisionalSchedule(1900)).toThrow(RangeError);
  });
});
