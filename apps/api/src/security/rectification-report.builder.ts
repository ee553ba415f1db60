import {
  FINDING_SEVERITIES,
  type FindingSeverity,
  type CompletionCounts,
  type CompletionFigures,
  type NoticeSource,
  type RemediationLine,
  type RemediationState,
  type RemediationStatus,
} from '@luyue/security/definitions';
import {
  LINE_STATUS_LABELS,
  REMEDIATION_STATUS_LABELS,
  RETEST_IMPORT_LABELS,
  RETEST_OUTCOME_LABELS,
  NOTICE_SOURCE_LABELS,
  SEVERITY_LABELS,
  formatDate,
  formatTime,
} from '@luyue/domain';
import type { StoredFileRef } from '@luyue/domain';
/** Task states that speak for every line: the item was decided as a whole, not line by line. */
const WHOLE_TASK_STATUSES: readonly RemediationStatus[] = [
  'risk_accepted',
  'false_positive_proposed',
  'false_positive',
];

export interface ReportNotice {
  id: string;
  number: string;
  title: string;
  source: NoticeSource;
  assessor: string;
  system: string | null;
  issuedAt: string;
}

export interface ReportProof {
  id: string;
  filename: string;
  sha256: string;
}

/** One asset line of one task: the unit the notice is checked against, item by item. */
export interface ReportLineRow {
  no: number;
  taskId: string;
  title: string;
  severity: string;
  asset: string;
  status: string;
  fixNotes: string;
  proof: ReportProof[];
  retestResult: string;
  retestDate: string;
  completedAt: string;
}

export interface ReportTask {
  taskId: string;
  title: string;
  severityKey: FindingSeverity;
  severity: string;
  status: string;
  closedAt: string;
  lines: ReportLineRow[];
  fixes: Array<{ at: string; by: string; note: string; assets: string; proof: ReportProof[] }>;
  retests: Array<{
    requestedAt: string;
    requestedBy: string;
    note: string;
    decidedAt: string;
    decidedBy: string;
    outcome: string;
    reason: string;
  }>;
}

export interface ReportCounts {
  issued: number;
  verified: number;
  falsePositive: number;
  /** Accepted risks: not completed, shown apart. */
  riskAccepted: number;
  completed: number;
  rate: string;
  flagged: boolean;
}

export interface RectificationReport {
  notice: ReportNotice & { sourceLabel: string; issued: string };
  summary: ReportCounts & {
    bySeverity: Array<ReportCounts & { key: FindingSeverity; label: string }>;
  };
  tasks: ReportTask[];
  /** Every line of every task, numbered in the page's order: the XLSX rows. */
  rows: ReportLineRow[];
  generatedAt: string;
}

export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;

export const reportCounts = (c: CompletionCounts): ReportCounts => ({
  issued: c.issued,
  verified: c.verified,
  falsePositive: c.falsePositive,
  riskAccepted: c.riskAccepted,
  completed: c.completed,
  rate: percent(c.rate),
  flagged: c.flagged,
});

const proofOf = (files: readonly StoredFileRef[]): ReportProof[] =>
  files.map((f) => ({ id: f.id, filename: f.filename, sha256: f.sha256 }));

/** The line's retest: the hospital's verification, else its last failed retest, else an import. */
function retestOf(state: RemediationState, line: RemediationLine): [string, string] {
  if (line.status === 'verified') {
    return [RETEST_OUTCOME_LABELS.verified, formatTime(line.verifiedAt)];
  }
  const decided = state.retests.filter((r) => r.outcome !== null).at(-1);
  if (decided?.outcome === 'failed') {
    return [RETEST_OUTCOME_LABELS.failed, formatTime(decided.decidedAt)];
  }
  if (line.retest) {
    const said = line.retest.present ? RETEST_IMPORT_LABELS.present : RETEST_IMPORT_LABELS.gone;
    return [said, formatTime(line.retest.at)];
  }
  return ['', ''];
}

function lineRow(state: RemediationState, line: RemediationLine): Omit<ReportLineRow, 'no'> {
  const fixes = state.fixes.filter((f) => f.lineIds.includes(line.lineId));
  const [retestResult, retestDate] = retestOf(state, line);
  return {
    taskId: state.taskId,
    title: state.title,
    severity: SEVERITY_LABELS[state.severity],
    asset: line.label,
    status: WHOLE_TASK_STATUSES.includes(state.status)
      ? REMEDIATION_STATUS_LABELS[state.status]
      : LINE_STATUS_LABELS[line.status],
    fixNotes: fixes.map((f) => `${formatTime(f.at)} ${f.note}`).join('\n'),
    proof: proofOf(fixes.flatMap((f) => f.proof)),
    retestResult,
    retestDate,
    completedAt: formatTime(line.verifiedAt ?? state.closedAt),
  };
}

/**
 * The rectification report of one notice, for both its printable page and its XLSX: the tasks most severe
 * first, each with its asset lines, fixes with proof, retest rounds; the completion figures.
 */
export function buildRectificationReport(
  notice: ReportNotice,
  states: readonly RemediationState[],
  figures: CompletionFigures,
  now: Date,
): RectificationReport {
  const rank = (s: RemediationState) => FINDING_SEVERITIES.indexOf(s.severity);
  const ordered = [...states].sort((a, b) => rank(a) - rank(b));
  let no = 0;
  const tasks = ordered.map((s): ReportTask => {
    const labelOf = new Map(s.lines.map((l) => [l.lineId, l.label]));
    return {
      taskId: s.taskId,
      title: s.title,
      severityKey: s.severity,
      severity: SEVERITY_LABELS[s.severity],
      status: REMEDIATION_STATUS_LABELS[s.status],
      closedAt: formatTime(s.closedAt),
      lines: s.lines.map((l) => ({ no: ++no, ...lineRow(s, l) })),
      fixes: s.fixes.map((f) => ({
        at: formatTime(f.at),
        by: f.by.name,
        note: f.note,
        assets: f.lineIds.map((id) => labelOf.get(id) ?? id).join('、'),
        proof: proofOf(f.proof),
      })),
      retests: s.retests.map((r) => ({
        requestedAt: formatTime(r.requestedAt),
        requestedBy: r.requestedBy?.name ?? RETEST_IMPORT_LABELS.by,
        note: r.note,
        decidedAt: formatTime(r.decidedAt),
        decidedBy: r.decidedBy?.name ?? (r.outcome ? RETEST_IMPORT_LABELS.by : ''),
        outcome: r.outcome ? RETEST_OUTCOME_LABELS[r.outcome] : '',
        reason: r.reason ?? '',
      })),
    };
  });
  return {
    notice: {
      ...notice,
      sourceLabel: NOTICE_SOURCE_LABELS[notice.source],
      // A notice is issued on a day: its form asks a date, so no time is shown that nobody gave.
      issued: formatDate(notice.issuedAt),
    },
    summary: {
      ...reportCounts(figures),
      bySeverity: FINDING_SEVERITIES.filter((k) => figures.bySeverity[k].issued > 0).map((k) => ({
        key: k,
        label: SEVERITY_LABELS[k],
        ...reportCounts(figures.bySeverity[k]),
      })),
    },
    tasks,
    rows: tasks.flatMap((t) => t.lines),
    generatedAt: formatTime(now),
  };
}
