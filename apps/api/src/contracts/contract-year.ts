import { contractYearOf, fieldProblem, shanghaiDate, validationFailed } from '@luyue/domain';
import type { ContractRecord } from '@luyue/persistence';

/**
 * The year asked for, which must be one of the contract's; by default the current one (before the
 * service period the first, after it the last).
 */
export function contractYearNo(contract: ContractRecord, year?: number): number {
  if (year !== undefined) {
    if (contract.years.some((y) => y.yearNo === year)) return year;
    throw validationFailed([
      fieldProblem('year', 'field.contract_year', {
        number: contract.number,
        years: contract.years.length,
      }),
    ]);
  }
  const today = shanghaiDate(Date.now());
  const current = contractYearOf(contract.years, today);
  if (current) return current.yearNo;
  return today < contract.startDate ? 1 : contract.years.length;
}
