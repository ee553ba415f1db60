import type { ContractYear } from '@luyue/domain';

/**
 * Request numbers `REQ-<year>-<4 digits>`, numbered per contract year; `<year>` is the calendar
 * year the contract year starts in. The number is also the workflow id, so it must be unique in
 * the Temporal namespace: allocate the sequence per year label across the deployment.
 */
const PATTERN = /^REQ-(\d{4})-(\d{4})$/;
export const MAX_REQUIREMENT_SEQUENCE = 9999;

export interface RequirementNumber {
  year: number;
  sequence: number;
}

export function formatRequirementId(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must be a four-digit year, got ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_REQUIREMENT_SEQUENCE) {
    throw new RangeError(
      `sequence must be 1–${MAX_REQUIREMENT_SEQUENCE}, got ${sequence}: the year's numbers are used up`,
    );
  }
  return `REQ-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Null when `id` is not a request number (so a route can answer 404 without a lookup). */
export function parseRequirementId(id: string): RequirementNumber | null {
  const m = PATTERN.exec(id);
  if (!m) return null;
  const sequence = Number(m[2]);
  return sequence >= 1 ? { year: Number(m[1]), sequence } : null;
}

/** The `<year>` of the numbers of requests received in a contract year. */
export function requirementYearLabel(year: Pick<ContractYear, 'startDate'>): number {
  return Number(year.startDate.slice(0, 4));
}
