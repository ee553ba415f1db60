/** Change numbers `CHG-<year>-<4 digits>`, per year label like request numbers. */
const PATTERN = /^CHG-(\d{4})-(\d{4})$/;

export function formatChangeRequestId(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must be a four-digit year, got ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(
      `sequence must be 1–9999, got ${sequence}: the year's numbers are used up`,
    );
  }
  return `CHG-${year}-${String(sequence).padStart(4, '0')}`;
}

export function isChangeRequestId(id: string): boolean {
  const m = PATTERN.exec(id);
  return m !== null && Number(m[2]) >= 1;
}
