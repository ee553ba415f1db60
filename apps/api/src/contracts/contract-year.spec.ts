import { contractYears, DomainError } from '@luyue/domain';
import type { ContractRecord } from '@luyue/persistence';
import { contractYearNo } from './contract-year';

const contract = (startDate: string, endDate: string) =>
  ({
    number: 'YW-1',
    startDate,
    endDate,
    years: contractYears(startDate, endDate),
  }) as ContractRecord;

describe('contractYearNo', () => {
  afterEach(() => jest.useRealTimers());

  it('takes a year the contract has and refuses one it lacks, naming the field', () => {
    const c = contract('2026-01-01', '2028-12-31');
    expect(contractYearNo(c, 3)).toBe(3);
    expect(() => contractYearNo(c, 4)).toThrow(DomainError);
    try {
      contractYearNo(c, 4);
    } catch (error) {
      expect((error as DomainError).details).toEqual({
        fields: [{ field: 'year', message: expect.stringContaining('1 to 3') }],
      });
    }
  });

  it('defaults to the contract year of today in Shanghai', () => {
    // 2027-06-30 16:30 UTC is already 1 July in Shanghai: the second year of a July contract.
    jest.useFakeTimers({ now: new Date('2027-06-30T16:30:00Z') });
    expect(contractYearNo(contract('2026-07-01', '2029-06-30'))).toBe(2);
  });

  it('defaults to the first year before the period and the last after it', () => {
    jest.useFakeTimers({ now: new Date('2025-05-01T00:00:00Z') });
    expect(contractYearNo(contract('2026-01-01', '2028-12-31'))).toBe(1);
    jest.setSystemTime(new Date('2030-05-01T00:00:00Z'));
    expect(contractYearNo(contract('2026-01-01', '2028-12-31'))).toBe(3);
  });
});
