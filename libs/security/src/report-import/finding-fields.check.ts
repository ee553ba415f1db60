import { ReportRefusedError } from '../report-refused.error';
import { type ParsedFinding } from '../security-finding.types';
import { type ReportRefusal } from '../report-refusal.types';

/**
 * Longest text each short field of a finding may hold, in characters. The key fields together
 * stay well under PostgreSQL's index-row size even at four UTF-8 bytes a character, so a file
 * cannot break the merge's unique indexes; evidence and solution are cut, not refused.
 */
export const FINDING_FIELD_LIMITS = {
  vulnerabilityId: 200,
  host: 255,
  protocol: 32,
  service: 200,
  url: 2000,
  title: 2000,
  layer: 100,
  controlPoint: 200,
  item: 500,
  target: 300,
  cve: 64,
} as const;

/** PostgreSQL text cannot hold NUL; other C0 controls but tab, CR and LF are no report's text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export const hasControlCharacter = (s: string): boolean => CONTROL.test(s);

type Where = Pick<ReportRefusal, 'line' | 'column' | 'element' | 'row' | 'sheetColumn'>;

/**
 * Refuses a finding whose text cannot be stored as it is: a control character anywhere, a short
 * field over its limit, a score or port out of range. `name` says how the file calls a field.
 */
export function checkFindingFields(
  f: ParsedFinding,
  where: Where,
  name: (field: string) => string = (field) => field,
): void {
  const texts: [string, string | null | undefined][] = [
    ['vulnerabilityId', f.vulnerabilityId],
    ['title', f.title],
    ['host', f.host],
    ['protocol', f.protocol],
    ['service', f.service],
    ['url', f.url],
    ['layer', f.layer],
    ['controlPoint', f.controlPoint],
    ['item', f.item],
    ['target', f.target],
    ['solution', f.solution],
    ['evidence', f.evidence],
    ...f.cves.map((c): [string, string] => ['cve', c]),
  ];
  for (const [field, value] of texts) {
    if (!value) continue;
    if (hasControlCharacter(value)) {
      throw new ReportRefusedError({ reason: 'invalid_character', field: name(field), ...where });
    }
    const limit = FINDING_FIELD_LIMITS[field as keyof typeof FINDING_FIELD_LIMITS];
    if (limit !== undefined && value.length > limit) {
      throw new ReportRefusedError({
        reason: 'value_too_long',
        field: name(field),
        limit,
        ...where,
      });
    }
  }
  if (f.cvss !== null && !(f.cvss >= 0 && f.cvss <= 10)) {
    throw new ReportRefusedError({
      reason: 'value_out_of_range',
      field: name('cvss'),
      value: String(f.cvss),
      ...where,
    });
  }
  if (f.port !== null && !(Number.isInteger(f.port) && f.port >= 0 && f.port <= 65535)) {
    throw new ReportRefusedError({
      reason: 'value_out_of_range',
      field: name('port'),
      value: String(f.port),
      ...where,
    });
  }
}
