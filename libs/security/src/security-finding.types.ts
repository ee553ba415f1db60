import { EVIDENCE_TRUNCATED_MARK, type Severity } from '@luyue/domain';

/**
 * Normalised severity of a finding, whatever the scanner or assessor called it: the remediation
 * severities of the contract settings, plus critical above and info below them.
 */
export type FindingSeverity = 'critical' | Severity | 'info';

/** Highest first; a table over the full union so a new severity must be ranked. */
export const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};

/**
 * Findings of a notice's lowest issued severity and above are issued as remediation tasks; those
 * below (by default a scanner's informational items: traceroute, service detection) ask nothing
 * of the vendor, so they are kept with their notice for the record and never become work.
 */
export const LOWEST_ISSUED_SEVERITY: FindingSeverity = 'low';

export const isIssuedSeverity = (
  severity: FindingSeverity,
  lowestIssued: FindingSeverity = LOWEST_ISSUED_SEVERITY,
): boolean => SEVERITY_RANK[severity] >= SEVERITY_RANK[lowestIssued];

export const FINDING_SEVERITIES: readonly FindingSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];

/** What a report file is, told from its content (root element or header row). */
export type ReportFormat = 'nessus' | 'openvas' | 'rsas' | 'mlps_sheet' | 'crypto_sheet';

export type ScanReportFormat = Extract<ReportFormat, 'nessus' | 'openvas' | 'rsas'>;
export type SheetReportFormat = Extract<ReportFormat, 'mlps_sheet' | 'crypto_sheet'>;

/** The compliance (COMPLIANCE_LABELS) of an assessment row; only partial and non-compliance are findings. */
export type Compliance = 'compliant' | 'partial' | 'non_compliant' | 'not_applicable';

export const FINDING_COMPLIANCE: readonly Compliance[] = ['partial', 'non_compliant'];

/**
 * One finding as read from a report. Scanner findings fill host/port/protocol; assessment-sheet
 * findings (MLPS and crypto assessments) fill layer/controlPoint/item/target and leave the network fields null.
 */
export interface ParsedFinding {
  /** Stable across re-imports of the same finding: a retest is matched by it. */
  key: string;
  format: ReportFormat;
  /** Nessus pluginID, OpenVAS NVT oid, RSAS vul_id, or the sheet's layer/control point. */
  vulnerabilityId: string;
  title: string;
  severity: FindingSeverity;
  /** IP address, else FQDN; the site's host for an RSAS web scan; null for sheets. */
  host: string | null;
  /** Null when the finding is about the host, not a port (Nessus/RSAS 0, OpenVAS general/…). */
  port: number | null;
  protocol: string | null;
  service: string | null;
  cves: string[];
  cvss: number | null;
  solution: string;
  /** Plugin output / mess_string / the sheet's problem description, cut at EVIDENCE_LIMIT characters. */
  evidence: string;
  /** The sheet's layer column (MLPS or crypto assessment). */
  layer: string | null;
  /** The control point (MLPS) or assessment indicator (crypto assessment). */
  controlPoint: string | null;
  /** The assessment item (MLPS); null for a crypto assessment. */
  item: string | null;
  /** The assessed target. */
  target: string | null;
  /** The site an RSAS web scan's target names (`http://www.example.cn/`); absent otherwise. */
  url?: string | null;
  compliance: Compliance | null;
}

/** Evidence longer than this is cut: a finding points at the proof, it does not archive it. */
export const EVIDENCE_LIMIT = 16_000;

export function truncateEvidence(text: string, limit = EVIDENCE_LIMIT): string {
  return text.length <= limit ? text : text.slice(0, limit) + EVIDENCE_TRUNCATED_MARK;
}

/** A scanner finding's key: its format's vulnerability id, then host, port and protocol. */
export function scanFindingKey(
  format: ScanReportFormat,
  vulnerabilityId: string,
  host: string | null,
  port: number | null,
  protocol: string | null,
): string {
  return `${format}:${vulnerabilityId}|${host ?? ''}|${port ?? ''}|${protocol ?? ''}`;
}

/** An assessment finding's key: layer, control point or indicator, item and target. */
export function sheetFindingKey(
  format: SheetReportFormat,
  layer: string,
  controlPoint: string,
  item: string | null,
  target: string,
): string {
  return `${format}:${layer}|${controlPoint}|${item ?? ''}|${target}`;
}
