import type { YearSchedule } from './calendar.types';
import { toShanghaiIso } from '@luyue/domain';
import { WorkingDayCalendar } from './working-day-calendar';

const at = (iso: string) => new Date(iso);
const iso = (r: { deadline: Date }) => toShanghaiIso(r.deadline);

// Fictional official 2027 schedule, only to prove an override replaces the provisional one.
const schedule2027: YearSchedule = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'],
  workdays: ['2027-01-09'],
};

describe('WorkingDayCalendar', () => {
  const cal = new WorkingDayCalendar();

  describe('isWorkingDay', () => {
    it.each([
      ['2026-10-10', true], // Saturday, 调休 for 国庆
      ['2026-10-01', false], // 国庆
      ['2026-05-09', true], // Saturday, 调休 for 劳动节
      ['2026-05-10', false], // plain Sunday
      ['2026-05-11', true], // plain Monday
      ['2026-02-23', false], // last day of 春节 2026
    ])('%s → %s', (day, expected) => {
      expect(cal.isWorkingDay(day)).toBe(expected);
    });

    it('takes the Shanghai day of an instant', () => {
      expect(cal.isWorkingDay(at('2026-10-09T16:30:00Z'))).toBe(true); // 10-10 00:30 Shanghai
      expect(cal.isWorkingDay(at('2026-10-10T16:30:00Z'))).toBe(false); // Sunday 10-11 in Shanghai
    });

    it('rejects malformed days', () => {
      expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
      expect(() => cal.isWorkingDay('10/10/2026')).toThrow(RangeError);
      expect(() => cal.isWorkingDay(new Date(NaN))).toThrow(RangeError);
    });
  });

  describe('addWorkingDays', () => {
    it('3 working days from 2026-09-30 end on the 调休 Saturday 2026-10-10 at 24:00', () => {
      const r = cal.addWorkingDays(at('2026-09-30T10:00:00+08:00'), 3);
      expect(iso(r)).toBe('2026-10-10T23:59:59.999+08:00');
      expect(r.deadline.toISOString()).toBe('2026-10-10T15:59:59.999Z');
      expect(r.provisional).toBe(false);
    });

    it('5 working days from 2026-02-12 skip 春节 and end on 2026-02-26', () => {
      // 02-13 Fri, 02-14 Sat (调休), 02-15…23 off, 02-24, 02-25, 02-26
      const r = cal.addWorkingDays(at('2026-02-12T09:00:00+08:00'), 5);
      expect(iso(r)).toBe('2026-02-26T23:59:59.999+08:00');
    });

    it('does not count a Sunday of receipt; counting starts on Monday', () => {
      expect(iso(cal.addWorkingDays(at('2026-03-01T10:00:00+08:00'), 1))).toBe(
        '2026-03-02T23:59:59.999+08:00',
      );
      expect(iso(cal.addWorkingDays(at('2026-03-01T10:00:00+08:00'), 3))).toBe(
        '2026-03-04T23:59:59.999+08:00',
      );
    });

    it('follows the Shanghai day boundary, not UTC', () => {
      // 23:30 Shanghai on Tue 03-03 is 15:30Z the same UTC day: receipt day is 03-03.
      expect(iso(cal.addWorkingDays(at('2026-03-03T15:30:00Z'), 1))).toBe(
        '2026-03-04T23:59:59.999+08:00',
      );
      // 00:30 Shanghai on Wed 03-04 is still 03-03 in UTC: receipt day is 03-04.
      expect(iso(cal.addWorkingDays(at('2026-03-03T16:30:00Z'), 1))).toBe(
        '2026-03-05T23:59:59.999+08:00',
      );
    });

    it('n = 0 is the end of the receipt day if it is a working day, else of the next one', () => {
      expect(iso(cal.addWorkingDays(at('2026-03-03T10:00:00+08:00'), 0))).toBe(
        '2026-03-03T23:59:59.999+08:00',
      );
      expect(iso(cal.addWorkingDays(at('2026-10-01T10:00:00+08:00'), 0))).toBe(
        '2026-10-08T23:59:59.999+08:00',
      );
    });

    it.each([-1, 1.5, NaN, Infinity])('rejects n = %p with a RangeError', (n) => {
      expect(() => cal.addWorkingDays(at('2026-03-03T10:00:00+08:00'), n)).toThrow(RangeError);
    });

    it('rejects an invalid receipt instant', () => {
      expect(() => cal.addWorkingDays(new Date(NaN), 1)).toThrow(RangeError);
    });
  });

  describe('years without an official schedule', () => {
    const receivedAt = at('2026-12-28T10:00:00+08:00');

    it('a span into 2027 is provisional until the 2027 schedule is loaded', () => {
      // 12-29, 12-30, 12-31, (01-01 元旦, weekend), 01-04, 01-05
      const r = cal.addWorkingDays(receivedAt, 5);
      expect(iso(r)).toBe('2027-01-05T23:59:59.999+08:00');
      expect(r.provisional).toBe(true);

      const loaded = new WorkingDayCalendar(new Map([[2027, schedule2027]]));
      expect(loaded.scheduleSource(2027)).toBe('override');
      const r2 = loaded.addWorkingDays(receivedAt, 5);
      expect(iso(r2)).toBe('2027-01-06T23:59:59.999+08:00'); // 01-04 is off in the override
      expect(r2.provisional).toBe(false);
      expect(loaded.isWorkingDay('2027-01-09')).toBe(true); // Saturday 调休 in the override
    });

    it('a span that stays in 2026 is not provisional', () => {
      expect(cal.addWorkingDays(receivedAt, 3).provisional).toBe(false);
    });

    it('provisional 2027 keeps 春节 (除夕…初三) and 国庆 1–3 off, with no 调休', () => {
      expect(cal.scheduleSource(2027)).toBe('provisional');
      expect(cal.isProvisionalYear(2027)).toBe(true);
      for (const d of ['2027-02-05', '2027-02-08', '2027-10-01', '2027-10-03']) {
        expect(`${d} ${cal.isWorkingDay(d)}`).toBe(`${d} false`);
      }
      expect(cal.isWorkingDay('2027-02-09')).toBe(true); // 初四, Tuesday
      expect(cal.isWorkingDay('2027-10-04')).toBe(true); // Monday, no extension without a notice
      expect(cal.isWorkingDay('2027-02-20')).toBe(false); // Saturday, no 调休
    });

    it('an override replaces the built-in data of the same year', () => {
      const no调休 = new WorkingDayCalendar(
        new Map([[2026, { year: 2026, holidays: ['2026-10-01'], workdays: [] }]]),
      );
      expect(no调休.scheduleSource(2026)).toBe('override');
      expect(no调休.isWorkingDay('2026-10-10')).toBe(false);
      expect(no调休.isWorkingDay('2026-10-02')).toBe(true);
    });

    it('refuses an invalid override', () => {
      const bad = { ...schedule2027, workdays: ['2027-01-11'] };
      expect(() => new WorkingDayCalendar(new Map([[2027, bad]]))).toThrow('workdays[0]');
      expect(() => new WorkingDayCalendar(new Map([[2028, schedule2027]]))).toThrow('year');
    });

    it('reports where each year comes from', () => {
      expect(cal.scheduleSource(2026)).toBe('builtin');
      expect(cal.scheduleSource(2004)).toBe('builtin');
      expect(cal.scheduleSource(2003)).toBe('provisional');
      expect(() => cal.isWorkingDay('2100-01-04')).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts days after a up to and including b', () => {
      expect(
        cal.workingDaysBetween(at('2026-09-30T10:00:00+08:00'), at('2026-10-10T08:00:00+08:00')),
      ).toEqual({ days: 3, provisional: false });
      expect(
        cal.workingDaysBetween(at('2026-02-12T10:00:00+08:00'), at('2026-02-26T23:00:00+08:00')),
      ).toEqual({ days: 5, provisional: false });
    });

    it('is 0 when b is on or before a’s day', () => {
      const a = at('2026-03-03T10:00:00+08:00');
      expect(cal.workingDaysBetween(a, at('2026-03-03T23:00:00+08:00'))).toEqual({
        days: 0,
        provisional: false,
      });
      expect(cal.workingDaysBetween(a, at('2026-03-01T10:00:00+08:00')).days).toBe(0);
    });

    it('is provisional when the range reaches an unpublished year', () => {
      expect(
        cal.workingDaysBetween(at('2026-12-28T10:00:00+08:00'), at('2027-01-05T10:00:00+08:00')),
      ).toEqual({ days: 5, provisional: true });
    });
  });

  describe('reminderAt', () => {
    const deadline = at('2026-10-10T15:59:59.999Z'); // end of 调休 Saturday 2026-10-10

    it.each([
      [0, '2026-10-10T09:00:00.000+08:00'],
      [1, '2026-10-09T09:00:00.000+08:00'],
      [2, '2026-10-08T09:00:00.000+08:00'],
      [3, '2026-09-30T09:00:00.000+08:00'], // skips 国庆 01–07
    ])('lead %d → %s', (lead, expected) => {
      const r = cal.reminderAt(deadline, lead);
      expect(toShanghaiIso(r.deadline)).toBe(expected);
      expect(r.provisional).toBe(false);
    });

    it('uses the given hour', () => {
      expect(cal.reminderAt(deadline, 1, 14).deadline.toISOString()).toBe(
        '2026-10-09T06:00:00.000Z',
      );
    });

    it('is provisional when it touches an unpublished year', () => {
      const r = cal.reminderAt(at('2027-01-05T15:59:59.999Z'), 3);
      expect(toShanghaiIso(r.deadline)).toBe('2026-12-30T09:00:00.000+08:00');
      expect(r.provisional).toBe(true);
    });

    it('rejects a bad lead or hour', () => {
      expect(() => cal.reminderAt(deadline, -1)).toThrow(RangeError);
      expect(() => cal.reminderAt(deadline, 1, 24)).toThrow(RangeError);
    });
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        const fresh = new WorkingDayCalendar();
        expect(iso(fresh.addWorkingDays(at('2026-09-30T10:00:00+08:00'), 3))).toBe(
          '2026-10-10T23:59:59.999+08:00',
        );
        expect(fresh.isWorkingDay('2027-02-05')).toBe(false);
        expect(fresh.isWorkingDay('2027-02-09')).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
