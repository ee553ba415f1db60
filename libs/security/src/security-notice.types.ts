import type { Role } from '@luyue/domain';
import { SEVERITIES, type Severity, REPORT_FORMAT_LABELS } from '@luyue/domain';
import type { FindingSeverity, ReportFormat } from './security-finding.types';
import type { ReportRefusal } from './report-refusal.types';
/** Who assessed: MLPS assessment, crypto-assessment, a vulnerability scan or a penetration test. */
export const NOTICE_SOURCES = ['mlps', 'crypto', 'vuln_scan', 'pentest'] as const;
export type NoticeSource = (typeof NOTICE_SOURCES)[number];

/** Only the hospital's manager issues a rectification notice. */
export const NOTICE_ISSUER_ROLES: [Role, ...Role[]] = ['hospital_manager'];

/**
 * An import runs in the worker: queued on upload, parsing, then done or refused whole (the file
 * is bad), or failed (the import itself gave up after its retries; nothing of it is stored).
 */
export const IMPORT_STATUSES = [
  'queued',
  'parsing',
  'issuing',
  'done',
  'refused',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Still at work: reading the file, or waiting for its tasks to accept steps. */
export const isImportRunning = (status: string): boolean =>
  status === 'queued' || status === 'parsing' || status === 'issuing';

/** What one import did to its notice. */
export interface ImportSummary {
  format: ReportFormat | null;
  /** Distinct findings in the file issued as tasks (repeats of one key counted once). */
  findings: number;
  /**
   * Distinct informational findings in the file: kept with the notice, not issued as tasks.
   * Absent from summaries written before they were kept apart.
   */
  informational?: number;
  /** Findings the notice did not hold before. */
  created: number;
  /** Findings the notice held already: merged, not duplicated. */
  merged: number;
  /** Findings seen again on an asset line that had been closed or fixed by a retest. */
  reopened: number;
  /** Retest only: findings of the notice the retest no longer shows (fixed by retest). */
  closed: number;
  /** Tasks the import created. */
  tasksCreated: number;
  /** Items read, and compliant / not applicable rows counted but not findings. */
  itemsRead: number;
  compliant: number;
  /** Optional fields the scanner left empty, by element, with how many items lacked them. */
  gaps?: Record<string, number>;
  refused?: ReportRefusal & { message: string };
}

/** The working-day period of a finding: critical counts as high, info as low. */
export function remediationSeverityOf(severity: FindingSeverity): Severity {
  if (severity === 'critical') return 'high';
  if (severity === 'info') return 'low';
  return severity;
}

/** Due instants per remediation severity, computed with the working-day calendar. */
export type RemediationDueDates = Record<Severity, { dueAt: string; provisional: boolean }>;

export const REMEDIATION_SEVERITIES: readonly Severity[] = SEVERITIES;

/** Every report format, in the order the labels list them. */
export const REPORT_FORMATS = Object.keys(REPORT_FORMAT_LABELS) as ReportFormat[];
