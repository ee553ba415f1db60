import { ScheduleValidationError, validateYearSchedule } from './schedule-validation';

const ok = { holidays: ['2027-01-01', '2027-10-01'], workdays: ['2027-10-09'] };

describe('validateYearSchedule', () => {
  it('accepts a good schedule and returns sorted copies', () => {
    expect(
      validateYearSchedule(2027, {
        year: 2027,
        holidays: ['2027-10-01', '2027-01-01'],
        workdays: [],
      }),
    ).toEqual({ year: 2027, holidays: ['2027-01-01', '2027-10-01'], workdays: [] });
    expect(validateYearSchedule(2027, ok).workdays).toEqual(['2027-10-09']);
  });

  it.each([
    [
      { ...ok, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2026-13-01'] },
      'holidays[3]: "2026-13-01" is not a valid date',
    ],
    [{ ...ok, holidays: ['2027-02-30'] }, 'holidays[0]: "2027-02-30" is not a valid date'],
    [{ ...ok, holidays: ['2027-1-1'] }, 'holidays[0]: "2027-1-1" is not a valid date'],
    [
      { ...ok, holidays: ['2027-01-01', 20270102] },
      'holidays[1]: expected a "YYYY-MM-DD" string, got number',
    ],
    [{ ...ok, holidays: ['2026-12-31'] }, 'holidays[0]: "2026-12-31" is outside 2027'],
    [
      { ...ok, holidays: ['2027-01-01', '2027-01-01'] },
      'holidays[1]: "2027-01-01" is listed twice',
    ],
    [{ ...ok, holidays: [] }, 'holidays: must not be empty'],
    [{ workdays: [] }, 'holidays: expected an array of "YYYY-MM-DD" strings'],
    [{ holidays: ['2027-01-01'] }, 'workdays: expected an array of "YYYY-MM-DD" strings'],
    [
      { ...ok, workdays: ['2027-10-09', '2027-10-01'] },
      'workdays[1]: "2027-10-01" is also listed in holidays',
    ],
    [
      { ...ok, workdays: ['2027-10-11'] },
      'workdays[0]: "2027-10-11" is a Monday, not a Saturday or Sunday',
    ],
    [{ ...ok, year: 2026 }, 'year: 2026 does not match 2027'],
    [null, 'schedule: expected an object { holidays, workdays }'],
    [['2027-01-01'], 'schedule: expected an object { holidays, workdays }'],
  ])('rejects %j', (input, message) => {
    expect(() => validateYearSchedule(2027, input)).toThrow(message);
  });

  it('throws a ScheduleValidationError naming the field', () => {
    try {
      validateYearSchedule(2027, { ...ok, workdays: ['2027-10-11'] });
      throw new Error('expected a rejection');
    } catch (e) {
      expect(e).toBeInstanceOf(ScheduleValidationError);
      expect((e as ScheduleValidationError).field).toBe('workdays[0]');
    }
  });

  it('rejects a nonsensical year', () => {
    expect(() => validateYearSchedule(2027.5, ok)).toThrow('year: 2027.5 is not a supported year');
  });
});
