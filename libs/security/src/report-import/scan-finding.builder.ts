import {
  scanFindingKey,
  truncateEvidence,
  type ParsedFinding,
  type ScanReportFormat,
} from '../security-finding.types';

type SheetOnly = 'layer' | 'controlPoint' | 'item' | 'target' | 'compliance';

/** A scanner's finding: its key from format, id, host, port and protocol; sheet fields empty. */
export function scanFinding(
  f: Omit<ParsedFinding, 'key' | SheetOnly> & { format: ScanReportFormat },
): ParsedFinding {
  return {
    ...f,
    key: scanFindingKey(f.format, f.vulnerabilityId, f.host, f.port, f.protocol),
    url: f.url ?? null,
    cves: [...new Set(f.cves.map((c) => c.trim().toUpperCase()).filter(Boolean))],
    evidence: truncateEvidence(f.evidence),
    solution: truncateEvidence(f.solution),
    layer: null,
    controlPoint: null,
    item: null,
    target: null,
    compliance: null,
  };
}

export const numberOrNull = (s: string): number | null => {
  const n = s.trim() === '' ? NaN : Number(s);
  return Number.isFinite(n) ? n : null;
};

/** Port 0 is Nessus' and RSAS' "the host itself", not a port. */
export const portOrNull = (s: string | undefined): number | null => {
  const n = numberOrNull(s ?? '');
  return n === null || n === 0 ? null : n;
};
