import { contractYearOf, contractYears } from './contract-year';

describe('contract years', () => {
  it('splits a three-year period into three years', () => {
    expect(contractYears('2026-01-01', '2028-12-31')).toEqual([
      { yearNo: 1, startDate: '2026-01-01', endDate: '2026-12-31' },
      { yearNo: 2, startDate: '2027-01-01', endDate: '2027-12-31' },
      { yearNo: 3, startDate: '2028-01-01', endDate: '2028-12-31' },
    ]);
  });

  it('counts from the start date and ends a short last year with the period', () => {
    expect(contractYears('2025-07-15', '2027-03-31')).toEqual([
      { yearNo: 1, startDate: '2025-07-15', endDate: '2026-07-14' },
      { yearNo: 2, startDate: '2026-07-15', endDate: '2027-03-31' },
    ]);
  });

  it('handles a start on 29 February', () => {
    expect(contractYears('2028-02-29', '2030-02-27').map((y) => y.startDate)).toEqual([
      '2028-02-29',
      '2029-02-28',
    ]);
  });

  it('gives a one-day period one year', () => {
    expect(contractYears('2026-05-01', '2026-05-01')).toHaveLength(1);
  });

  it.each([
    ['2026-02-30', '2027-01-01', /start date/],
    ['2026-01-01', '2026-13-01', /end date/],
    ['2026-01-01', '2025-12-31', /ends before it starts/],
    ['2026-01-01', '2040-01-01', /at most 10 years/],
  ])('refuses %s..%s', (start, end, message) => {
    expect(() => contractYears(start, end)).toThrow(message);
  });

  it('finds the year of a date', () => {
    const years = contractYears('2026-01-01', '2028-12-31');
    expect(contractYearOf(years, '2027-06-30')?.yearNo).toBe(2);
    expect(contractYearOf(years, '2029-01-01')).toBeNull();
  });
});
