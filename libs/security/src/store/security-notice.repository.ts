import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FindingSeverity, ReportFormat } from '../security-finding.types';
import type { ImportStatus, ImportSummary, NoticeSource } from '../security-notice.types';
import type { RemediationStatus } from '../security-task.types';
import { isUniqueViolation } from '@luyue/persistence';

export interface NewSecurityNotice {
  contractId: string;
  number: string;
  issuedAt: string;
  source: NoticeSource;
  assessor: string;
  system: string | null;
  title: string;
  /** Findings below it are kept with the notice, not issued as tasks. */
  lowestIssuedSeverity: FindingSeverity;
  issuedBy: string;
  issuedByEmail: string | null;
}

export interface SecurityNoticeRecord extends NewSecurityNotice {
  id: string;
  createdAt: Date;
  tasks: number;
  tasksBySeverity: Partial<Record<FindingSeverity, number>>;
  tasksByState: Partial<Record<RemediationStatus, number>>;
}

export interface NewSecurityReport {
  id: string;
  noticeId: string;
  fileId: string;
  sha256: string;
  filename: string;
  requestedFormat: ReportFormat | null;
  reportDate: string | null;
  retestOf: string | null;
  bytesTotal: number;
  uploadedBy: string;
  uploadedByEmail: string | null;
}

export interface SecurityReportRecord {
  id: string;
  noticeId: string;
  contractId: string;
  filename: string;
  sha256: string;
  requestedFormat: ReportFormat | null;
  format: ReportFormat | null;
  reportDate: string | null;
  retestOf: string | null;
  status: ImportStatus;
  itemsRead: number;
  itemsTotal: number | null;
  bytesRead: number;
  bytesTotal: number | null;
  summary: ImportSummary | null;
  failure: string | null;
  uploadedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NoticeCounts {
  bySeverity: Partial<Record<FindingSeverity, number>>;
  byState: Partial<Record<RemediationStatus, number>>;
  assetLines: number;
  fixedByRetest: number;
  findings: number;
  /** Informational findings kept with the notice, not issued as tasks. */
  informational: number;
}

/** The informational findings of one vulnerability in a notice, and where they were seen. */
export interface InformationalFindingGroup {
  format: ReportFormat;
  vulnerabilityId: string;
  title: string;
  assets: number;
  /** The first few asset labels, in label order. */
  labels: string[];
}

/** How many asset labels one informational group shows; the count tells the rest. */
const INFO_LABELS_SHOWN = 5;

/** A notice's tasks counted by one column, as a JSON object (for the notice list). */
const tasksBy = (column: 'severity' | 'state') =>
  `COALESCE((SELECT jsonb_object_agg(k, c) FROM (SELECT t.${column} AS k, count(*)::int AS c
     FROM security_task t WHERE t.notice_id = n.id GROUP BY t.${column}) g), '{}'::jsonb)`;

const NOTICE_COLUMNS = `n.id, n.contract_id AS "contractId", n.number,
  n.issued_at AS "issuedAt", n.source, n.assessor, n.system, n.title, n.issued_by AS "issuedBy",
  n.issued_by_email AS "issuedByEmail", n.created_at AS "createdAt",
  n.lowest_issued_severity AS "lowestIssuedSeverity",
  (SELECT count(*)::int FROM security_task t WHERE t.notice_id = n.id) AS tasks,
  ${tasksBy('severity')} AS "tasksBySeverity", ${tasksBy('state')} AS "tasksByState"`;

const REPORT_COLUMNS = `r.id, r.notice_id AS "noticeId", n.contract_id AS "contractId", r.filename,
  r.sha256, r.requested_format AS "requestedFormat", r.format,
  to_char(r.report_date, 'YYYY-MM-DD') AS "reportDate", r.retest_of AS "retestOf", r.status,
  r.items_read AS "itemsRead", r.items_total AS "itemsTotal", r.bytes_read::float8 AS "bytesRead",
  r.bytes_total::float8 AS "bytesTotal", r.summary, r.failure, r.uploaded_at AS "uploadedAt",
  r.started_at AS "startedAt", r.finished_at AS "finishedAt"`;

const iso = (d: unknown): string => (d instanceof Date ? d.toISOString() : String(d));

/** Rectification notices and the reports imported into them (api side). */
@Injectable()
export class SecurityNoticeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Null when the contract already has a notice of that number. */
  async insert(m: EntityManager, notice: NewSecurityNotice): Promise<string | null> {
    try {
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO security_notice (contract_id, number, issued_at, source, assessor, system,
           title, issued_by, issued_by_email, lowest_issued_severity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          notice.contractId,
          notice.number,
          notice.issuedAt,
          notice.source,
          notice.assessor,
          notice.system,
          notice.title,
          notice.issuedBy,
          notice.issuedByEmail,
          notice.lowestIssuedSeverity,
        ],
      );
      return rows[0].id;
    } catch (error) {
      if (isUniqueViolation(error, 'security_notice_number')) return null;
      throw error;
    }
  }

  async list(contractId: string): Promise<SecurityNoticeRecord[]> {
    const rows: SecurityNoticeRecord[] = await this.ds.query(
      `SELECT ${NOTICE_COLUMNS} FROM security_notice n WHERE n.contract_id = $1
       ORDER BY n.issued_at DESC, n.created_at DESC`,
      [contractId],
    );
    return rows.map((r) => ({ ...r, issuedAt: iso(r.issuedAt) }));
  }

  async find(id: string): Promise<SecurityNoticeRecord | null> {
    const rows: SecurityNoticeRecord[] = await this.ds.query(
      `SELECT ${NOTICE_COLUMNS} FROM security_notice n WHERE n.id = $1`,
      [id],
    );
    return rows[0] ? { ...rows[0], issuedAt: iso(rows[0].issuedAt) } : null;
  }

  async counts(noticeId: string): Promise<NoticeCounts> {
    const [bySeverity, byState, lines] = await Promise.all([
      this.ds.query<Array<{ key: FindingSeverity; n: number }>>(
        `SELECT severity AS key, count(*)::int AS n FROM security_task WHERE notice_id = $1
         GROUP BY severity`,
        [noticeId],
      ),
      this.ds.query<Array<{ key: RemediationStatus; n: number }>>(
        `SELECT state AS key, count(*)::int AS n FROM security_task WHERE notice_id = $1
         GROUP BY state`,
        [noticeId],
      ),
      this.ds.query<
        Array<{ lines: number; fixed: number; findings: number; informational: number }>
      >(
        `SELECT count(*)::int AS lines, count(*) FILTER (WHERE fixed_by_retest)::int AS fixed,
           (SELECT count(*)::int FROM security_finding WHERE notice_id = $1) AS findings,
           (SELECT count(*)::int FROM security_info_finding WHERE notice_id = $1) AS informational
         FROM security_asset_line WHERE notice_id = $1`,
        [noticeId],
      ),
    ]);
    const table = <K extends string>(rows: Array<{ key: K; n: number }>) =>
      Object.fromEntries(rows.map((r) => [r.key, r.n])) as Partial<Record<K, number>>;
    return {
      bySeverity: table(bySeverity),
      byState: table(byState),
      assetLines: lines[0].lines,
      fixedByRetest: lines[0].fixed,
      findings: lines[0].findings,
      informational: lines[0].informational,
    };
  }

  /** A notice's informational findings by vulnerability, most widespread first. */
  async informationalFindings(
    noticeId: string,
    limit: number,
  ): Promise<InformationalFindingGroup[]> {
    return this.ds.query(
      `SELECT format, vulnerability_id AS "vulnerabilityId", min(title) AS title,
         count(*)::int AS assets,
         (array_agg(label ORDER BY label))[1:${INFO_LABELS_SHOWN}] AS labels
       FROM security_info_finding WHERE notice_id = $1
       GROUP BY format, vulnerability_id
       ORDER BY count(*) DESC, min(title), vulnerability_id LIMIT $2`,
      [noticeId, limit],
    );
  }

  /** False when the notice holds a standing report with the same sha256 (`findReportBySha`). */
  async insertReport(m: EntityManager, report: NewSecurityReport): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO security_report (id, notice_id, file_id, sha256, filename, requested_format,
         report_date, retest_of, status, bytes_total, uploaded_by, uploaded_by_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $10, $11)
       ON CONFLICT (notice_id, sha256) WHERE status NOT IN ('refused', 'failed')
       DO NOTHING RETURNING id`,
      [
        report.id,
        report.noticeId,
        report.fileId,
        report.sha256,
        report.filename,
        report.requestedFormat,
        report.reportDate,
        report.retestOf,
        report.bytesTotal,
        report.uploadedBy,
        report.uploadedByEmail,
      ],
    );
    return rows.length === 1;
  }

  /** A refused or failed import does not count: the same file may be uploaded again. */
  async findReportBySha(noticeId: string, sha256: string): Promise<SecurityReportRecord | null> {
    const rows: SecurityReportRecord[] = await this.ds.query(
      `SELECT ${REPORT_COLUMNS} FROM security_report r JOIN security_notice n ON n.id = r.notice_id
       WHERE r.notice_id = $1 AND r.sha256 = $2 AND r.status NOT IN ('refused', 'failed')`,
      [noticeId, sha256],
    );
    return rows[0] ?? null;
  }

  async findReport(id: string): Promise<SecurityReportRecord | null> {
    const rows: SecurityReportRecord[] = await this.ds.query(
      `SELECT ${REPORT_COLUMNS} FROM security_report r JOIN security_notice n ON n.id = r.notice_id
       WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async reports(noticeId: string): Promise<SecurityReportRecord[]> {
    return this.ds.query(
      `SELECT ${REPORT_COLUMNS} FROM security_report r JOIN security_notice n ON n.id = r.notice_id
       WHERE r.notice_id = $1 ORDER BY r.uploaded_at`,
      [noticeId],
    );
  }
}
