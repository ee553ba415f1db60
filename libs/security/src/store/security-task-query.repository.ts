import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type LineStatus, type RemediationStatus } from '../security-task.types';
import { type FindingSeverity, type ReportFormat } from '../security-finding.types';
import { type NoticeSource } from '../security-notice.types';

export interface SecurityTaskFilters {
  noticeId?: string;
  severity?: FindingSeverity;
  state?: RemediationStatus;
  system?: string;
  host?: string;
  cve?: string;
  source?: NoticeSource;
  page: number;
  pageSize: number;
}

export interface SecurityTaskRecord {
  id: string;
  noticeId: string;
  noticeNumber: string;
  contractId: string;
  format: ReportFormat;
  vulnerabilityId: string;
  /** The task's own number: its notice's and its place in it (`<notice>-<n>`). */
  number: string;
  title: string;
  severity: FindingSeverity;
  source: NoticeSource;
  system: string | null;
  state: RemediationStatus;
  dueAt: string;
  provisional: boolean;
  foundInRetest: boolean;
  cves: string[];
  assetLines: number;
  fixedByRetest: number;
}

export interface SecurityFindingRecord {
  id: string;
  findingKey: string;
  title: string;
  severity: FindingSeverity;
  service: string | null;
  cves: string[];
  cvss: number | null;
  solution: string;
  evidence: string;
  layer: string | null;
  controlPoint: string | null;
  item: string | null;
  compliance: string | null;
  present: boolean;
  seenCount: number;
  firstReportId: string;
  lastSeenReportId: string;
}

export interface SecurityAssetLineRecord {
  id: string;
  assetKey: string;
  label: string;
  host: string | null;
  port: number | null;
  protocol: string | null;
  target: string | null;
  url: string | null;
  severity: FindingSeverity;
  state: LineStatus;
  fixedByRetest: boolean;
  foundInRetest: boolean;
  findings: SecurityFindingRecord[];
}

export const TASK_COLUMNS = `t.id, t.notice_id AS "noticeId", n.number AS "noticeNumber",
  n.number || '-' || t.task_no AS "number",
  t.contract_id AS "contractId", t.format, t.vulnerability_id AS "vulnerabilityId", t.title,
  t.severity, t.source, t.system, t.state, t.due_at AS "dueAt", t.provisional,
  t.found_in_retest AS "foundInRetest", t.cves,
  (SELECT count(*)::int FROM security_asset_line l WHERE l.task_id = t.id) AS "assetLines",
  (SELECT count(*)::int FROM security_asset_line l WHERE l.task_id = t.id AND l.fixed_by_retest)
    AS "fixedByRetest"`;

export const isoDue = (r: SecurityTaskRecord): SecurityTaskRecord => ({
  ...r,
  dueAt:
    (r.dueAt as unknown) instanceof Date ? (r.dueAt as unknown as Date).toISOString() : r.dueAt,
});

/** Reads of remediation tasks: the filtered list, one task with its lines and evidence. */
@Injectable()
export class SecurityTaskQueryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(
    contractId: string,
    f: SecurityTaskFilters,
  ): Promise<{ items: SecurityTaskRecord[]; total: number }> {
    const where = ['t.contract_id = $1'];
    const params: unknown[] = [contractId];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.noticeId) add((p) => `t.notice_id = ${p}`, f.noticeId);
    if (f.severity) add((p) => `t.severity = ${p}`, f.severity);
    if (f.state) add((p) => `t.state = ${p}`, f.state);
    if (f.system) add((p) => `t.system = ${p}`, f.system);
    if (f.source) add((p) => `t.source = ${p}`, f.source);
    if (f.cve) add((p) => `t.cves @> ARRAY[${p}::text]`, f.cve.toUpperCase());
    if (f.host) {
      add(
        (p) =>
          `EXISTS (SELECT 1 FROM security_asset_line l WHERE l.task_id = t.id AND l.notice_id = t.notice_id AND (l.host = ${p} OR l.target = ${p}))`,
        f.host,
      );
    }
    const sql = where.join(' AND ');
    const [count]: Array<{ n: number }> = await this.ds.query(
      `SELECT count(*)::int AS n FROM security_task t WHERE ${sql}`,
      params,
    );
    const items: SecurityTaskRecord[] = await this.ds.query(
      `SELECT ${TASK_COLUMNS} FROM security_task t JOIN security_notice n ON n.id = t.notice_id
       WHERE ${sql} ORDER BY t.severity_rank DESC, t.due_at, t.title, t.id
       LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      params,
    );
    return { items: items.map(isoDue), total: count.n };
  }

  async find(id: string): Promise<SecurityTaskRecord | null> {
    const rows: SecurityTaskRecord[] = await this.ds.query(
      `SELECT ${TASK_COLUMNS} FROM security_task t JOIN security_notice n ON n.id = t.notice_id
       WHERE t.id = $1`,
      [id],
    );
    return rows[0] ? isoDue(rows[0]) : null;
  }

  /** Every asset line of a task with its findings' evidence, in the order first seen. */
  async lines(taskId: string): Promise<SecurityAssetLineRecord[]> {
    const [lines, findings] = await Promise.all([
      this.ds.query<Array<Omit<SecurityAssetLineRecord, 'findings'>>>(
        `SELECT id, asset_key AS "assetKey", label, host, port, protocol, target, url, severity, state,
           fixed_by_retest AS "fixedByRetest", found_in_retest AS "foundInRetest"
         FROM security_asset_line WHERE task_id = $1 ORDER BY created_at, label`,
        [taskId],
      ),
      this.ds.query<Array<SecurityFindingRecord & { lineId: string }>>(
        `SELECT f.id, f.asset_line_id AS "lineId", f.finding_key AS "findingKey", f.title,
           f.severity, f.service, f.cves, f.cvss::float8 AS cvss, f.solution, f.evidence, f.layer,
           f.control_point AS "controlPoint", f.item, f.compliance, f.present,
           f.seen_count AS "seenCount", f.first_report_id AS "firstReportId",
           f.last_seen_report_id AS "lastSeenReportId"
         FROM security_finding f JOIN security_asset_line l ON l.id = f.asset_line_id
         WHERE l.task_id = $1 ORDER BY f.created_at, f.finding_key`,
        [taskId],
      ),
    ]);
    return lines.map((l) => ({
      ...l,
      findings: findings.filter((f) => f.lineId === l.id).map(({ lineId: _l, ...f }) => f),
    }));
  }

  /** The rectification list: one row per asset line of the notice, most severe first. */
  async rectificationRows(noticeId: string): Promise<
    Array<{
      title: string;
      severity: FindingSeverity;
      vulnerabilityId: string;
      label: string;
      cves: string[];
      solution: string;
      dueAt: Date;
      state: LineStatus;
      fixedByRetest: boolean;
    }>
  > {
    return this.ds.query(
      `SELECT t.title, t.severity, t.vulnerability_id AS "vulnerabilityId", l.label,
         ARRAY(SELECT DISTINCT c FROM security_finding f, unnest(f.cves) c
           WHERE f.asset_line_id = l.id) AS cves,
         COALESCE((SELECT f.solution FROM security_finding f WHERE f.asset_line_id = l.id
           AND f.solution <> '' LIMIT 1), '') AS solution,
         t.due_at AS "dueAt", l.state, l.fixed_by_retest AS "fixedByRetest"
       FROM security_task t JOIN security_asset_line l ON l.task_id = t.id
       WHERE t.notice_id = $1
       ORDER BY t.severity_rank DESC, t.due_at, t.title, l.created_at, l.label`,
      [noticeId],
    );
  }
}
