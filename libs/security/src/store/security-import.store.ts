import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { assetKeyOf, assetLabelOf, taskKeyOf, taskTitleOf } from '../finding.grouping';
import {
  remediationSeverityOf,
  type ImportStatus,
  type ImportSummary,
  type RemediationDueDates,
} from '../security-notice.types';
import {
  isIssuedSeverity,
  SEVERITY_RANK,
  type FindingSeverity,
  type ParsedFinding,
  type ReportFormat,
} from '../security-finding.types';
import { type ReportRefusal } from '../report-refusal.types';

/** What the worker needs to run one import. */
export interface ImportJob {
  importId: string;
  noticeId: string;
  contractId: string;
  status: ImportStatus;
  storageKey: string;
  requestedFormat: ReportFormat | null;
  retest: boolean;
  source: string;
  system: string | null;
  /** The notice's lowest severity issued as tasks; the rest is kept as information. */
  lowestIssued: FindingSeverity;
  summary: ImportSummary | null;
}

export interface ImportCounts {
  findings: number;
  informational: number;
  created: number;
  merged: number;
  reopened: number;
  closed: number;
  tasksCreated: number;
}

// Severity order inside SQL, from the one rank table.
const RANKED = Object.entries(SEVERITY_RANK)
  .sort(([, a], [, b]) => a - b)
  .map(([s]) => `'${s}'`)
  .join(', ');
const rank = (x: string) => `array_position(ARRAY[${RANKED}], ${x})`;
const higher = (a: string, b: string) =>
  `CASE WHEN ${rank(b)} > ${rank(a)} THEN ${b} ELSE ${a} END`;

const STAGING_COLUMNS = [
  ['finding_key', 'text'],
  ['ord', 'int'],
  ['task_key', 'text'],
  ['format', 'text'],
  ['vulnerability_id', 'text'],
  ['task_title', 'text'],
  ['title', 'text'],
  ['severity', 'text'],
  ['issued', 'boolean'],
  ['remediation', 'text'],
  ['asset_key', 'text'],
  ['label', 'text'],
  ['host', 'text'],
  ['port', 'int'],
  ['protocol', 'text'],
  ['target', 'text'],
  ['url', 'text'],
  ['service', 'text'],
  ['cves', 'text'],
  ['cvss', 'numeric'],
  ['solution', 'text'],
  ['evidence', 'text'],
  ['layer', 'text'],
  ['control_point', 'text'],
  ['item', 'text'],
  ['compliance', 'text'],
] as const;

function stagingValues(f: ParsedFinding, ord: number, lowestIssued: FindingSeverity): unknown[] {
  return [
    f.key,
    ord,
    taskKeyOf(f),
    f.format,
    f.vulnerabilityId,
    taskTitleOf(f),
    f.title,
    f.severity,
    isIssuedSeverity(f.severity, lowestIssued),
    remediationSeverityOf(f.severity),
    assetKeyOf(f),
    assetLabelOf(f),
    f.host,
    f.port,
    f.protocol,
    f.target,
    f.url ?? null,
    f.service,
    f.cves.join(','),
    f.cvss,
    f.solution,
    f.evidence,
    f.layer,
    f.controlPoint,
    f.item,
    f.compliance,
  ];
}

/**
 * The worker's writes of one import. `stage` fills a temporary table inside the import's one
 * transaction; `merge` moves it into tasks, asset lines and findings with set-based upserts keyed
 * by the finding key, so a file is merged into its notice in a handful of statements.
 */
@Injectable()
export class SecurityImportStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async job(importId: string): Promise<ImportJob | null> {
    const rows: ImportJob[] = await this.ds.query(
      `SELECT r.id AS "importId", r.notice_id AS "noticeId", n.contract_id AS "contractId",
         r.status, f.storage_key AS "storageKey", r.requested_format AS "requestedFormat",
         r.retest_of IS NOT NULL AS retest, n.source, n.system,
         n.lowest_issued_severity AS "lowestIssued", r.summary
       FROM security_report r JOIN security_notice n ON n.id = r.notice_id
       JOIN stored_file f ON f.id = r.file_id WHERE r.id = $1`,
      [importId],
    );
    return rows[0] ?? null;
  }

  async markParsing(importId: string, bytesTotal: number): Promise<void> {
    await this.ds.query(
      `UPDATE security_report SET status = 'parsing', started_at = now(), items_read = 0,
         bytes_read = 0, bytes_total = $2 WHERE id = $1 AND status IN ('queued', 'parsing')`,
      [importId, bytesTotal],
    );
  }

  /** Outside the import's transaction, so the console sees it while the import runs. */
  async progress(importId: string, itemsRead: number, bytesRead: number): Promise<void> {
    await this.ds.query(
      `UPDATE security_report SET items_read = $2, bytes_read = $3
       WHERE id = $1 AND status = 'parsing'`,
      [importId, itemsRead, bytesRead],
    );
  }

  async refuse(importId: string, refusal: ReportRefusal, message: string): Promise<void> {
    const summary: ImportSummary = {
      format: refusal.found ?? null,
      findings: 0,
      informational: 0,
      created: 0,
      merged: 0,
      reopened: 0,
      closed: 0,
      tasksCreated: 0,
      itemsRead: 0,
      compliant: 0,
      refused: { ...refusal, message },
    };
    await this.ds.query(
      `UPDATE security_report SET status = 'refused', refusal = $2::jsonb, summary = $3::jsonb,
         finished_at = now() WHERE id = $1 AND status IN ('queued', 'parsing')`,
      [importId, JSON.stringify({ ...refusal, message }), JSON.stringify(summary)],
    );
  }

  async fail(importId: string, message: string): Promise<void> {
    await this.ds.query(
      `UPDATE security_report SET status = 'failed', failure = $2, finished_at = now()
       WHERE id = $1 AND status IN ('queued', 'parsing')`,
      [importId, message.slice(0, 2000)],
    );
  }

  /** A temporary table of this transaction's connection, dropped at commit or rollback. */
  async openStaging(m: EntityManager): Promise<void> {
    const columns = STAGING_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
    await m.query(
      `CREATE TEMP TABLE security_staging (${columns}, PRIMARY KEY (finding_key))
       ON COMMIT DROP`,
    );
  }

  /**
   * One batch (already deduplicated by key) into staging, as one statement of column arrays. A
   * key repeated in an earlier batch is merged as dedupeFindings merges repeats.
   */
  async stage(
    m: EntityManager,
    batch: ParsedFinding[],
    firstOrd: number,
    lowestIssued: FindingSeverity,
  ): Promise<void> {
    if (batch.length === 0) return;
    const columns = STAGING_COLUMNS.map(() => [] as unknown[]);
    batch.forEach((f, i) =>
      stagingValues(f, firstOrd + i, lowestIssued).forEach((v, c) => columns[c].push(v)),
    );
    const names = STAGING_COLUMNS.map(([name]) => name).join(', ');
    const arrays = STAGING_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    await m.query(
      `INSERT INTO security_staging AS s (${names}) SELECT * FROM unnest(${arrays})
       ON CONFLICT (finding_key) DO UPDATE SET
         severity = ${higher('s.severity', 'EXCLUDED.severity')},
         issued = s.issued OR EXCLUDED.issued,
         remediation = CASE WHEN ${rank('EXCLUDED.severity')} > ${rank('s.severity')}
           THEN EXCLUDED.remediation ELSE s.remediation END,
         cves = array_to_string(ARRAY(SELECT DISTINCT c FROM unnest(
           string_to_array(s.cves || ',' || EXCLUDED.cves, ',')) c WHERE c <> ''), ','),
         evidence = CASE WHEN EXCLUDED.evidence = '' OR position(EXCLUDED.evidence IN s.evidence) > 0
           THEN s.evidence ELSE left(s.evidence || E'\\n\\n' || EXCLUDED.evidence, 16000) END`,
      columns,
    );
  }

  /**
   * Merges staging into the notice. The notice row is locked first, so two imports into one
   * notice merge one after the other and count against what the other committed. The merge
   * never moves a task or line state: a started task's workflow owns it, and the issuing
   * activity sends the import's results there (issueRemediationTasks).
   */
  async merge(
    m: EntityManager,
    job: ImportJob,
    format: ReportFormat,
    due: RemediationDueDates,
  ): Promise<ImportCounts> {
    const { noticeId, importId, retest } = job;
    await m.query(`SELECT id FROM security_notice WHERE id = $1 FOR UPDATE`, [noticeId]);
    const [counts]: Array<{
      findings: number;
      informational: number;
      merged: number;
      reopened: number;
    }> = await m.query(
      `SELECT count(*) FILTER (WHERE s.issued)::int AS findings,
         count(*) FILTER (WHERE NOT s.issued)::int AS informational,
         count(f.id) FILTER (WHERE s.issued)::int AS merged,
         count(f.id) FILTER (WHERE s.issued AND $2 AND t.state <> 'false_positive'
           AND (NOT f.present OR l.fixed_by_retest OR l.state <> 'open'))::int AS reopened
       FROM security_staging s
       LEFT JOIN security_finding f ON f.notice_id = $1 AND f.finding_key = s.finding_key
       LEFT JOIN security_asset_line l ON l.id = f.asset_line_id
       LEFT JOIN security_task t ON t.id = l.task_id`,
      [noticeId, retest],
    );
    const dues = Object.entries(due);
    const tasks: Array<{ inserted: boolean }> = await m.query(
      `WITH due (remediation, due_at, provisional) AS (
         SELECT * FROM unnest($6::text[], $7::timestamptz[], $8::boolean[])),
       g AS (
         SELECT task_key, min(format) AS format, min(vulnerability_id) AS vulnerability_id,
           (array_agg(task_title ORDER BY ord))[1] AS title,
           (array_agg(severity ORDER BY ${rank('severity')} DESC))[1] AS severity,
           (array_agg(remediation ORDER BY ${rank('severity')} DESC))[1] AS remediation,
           ARRAY(SELECT DISTINCT c FROM unnest(string_to_array(string_agg(cves, ','), ',')) c
             WHERE c <> '') AS cves
         FROM security_staging WHERE issued GROUP BY task_key)
       INSERT INTO security_task AS t (notice_id, contract_id, vulnerability_key, format,
         vulnerability_id, title, severity, source, system, due_at, provisional,
         found_in_retest, first_report_id, cves)
       SELECT $1, $2, g.task_key, g.format, g.vulnerability_id, g.title, g.severity, $3, $4,
         due.due_at, due.provisional, $9, $5, g.cves
       FROM g JOIN due ON due.remediation = g.remediation
       ON CONFLICT (notice_id, vulnerability_key) DO UPDATE SET
         severity = ${higher('t.severity', 'EXCLUDED.severity')},
         due_at = CASE WHEN t.workflow_started_at IS NULL THEN LEAST(t.due_at, EXCLUDED.due_at)
           ELSE t.due_at END,
         provisional = CASE WHEN t.workflow_started_at IS NULL AND EXCLUDED.due_at < t.due_at
           THEN EXCLUDED.provisional ELSE t.provisional END,
         cves = ARRAY(SELECT DISTINCT c FROM unnest(t.cves || EXCLUDED.cves) c),
         updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [
        noticeId,
        job.contractId,
        job.source,
        job.system,
        importId,
        dues.map(([s]) => s),
        dues.map(([, d]) => d.dueAt),
        dues.map(([, d]) => d.provisional),
        retest,
      ],
    );
    // New tasks take the next numbers of the notice (its row is locked above), the most severe
    // first, so a task keeps one short number of its own.
    await m.query(
      `UPDATE security_task t SET task_no = n.no
       FROM (SELECT id, (SELECT COALESCE(max(task_no), 0) FROM security_task WHERE notice_id = $1)
               + row_number() OVER (ORDER BY ${rank('severity')} DESC, vulnerability_id, id) AS no
             FROM security_task WHERE notice_id = $1 AND task_no IS NULL) n
       WHERE t.id = n.id`,
      [noticeId],
    );
    await m.query(
      `INSERT INTO security_asset_line AS l (task_id, notice_id, asset_key, label, host, port,
         protocol, target, url, severity, found_in_retest)
       SELECT t.id, $1, s.asset_key, min(s.label), min(s.host), min(s.port), min(s.protocol),
         min(s.target), min(s.url), (array_agg(s.severity ORDER BY ${rank('s.severity')} DESC))[1], $2
       FROM security_staging s
       JOIN security_task t ON t.notice_id = $1 AND t.vulnerability_key = s.task_key
       WHERE s.issued
       GROUP BY t.id, s.asset_key
       ON CONFLICT (task_id, asset_key) DO UPDATE SET
         severity = ${higher('l.severity', 'EXCLUDED.severity')},
         url = COALESCE(l.url, EXCLUDED.url),
         fixed_by_retest = l.fixed_by_retest AND NOT $2,
         fixed_by_report_id = CASE WHEN $2 THEN NULL ELSE l.fixed_by_report_id END,
         updated_at = now()`,
      [noticeId, retest],
    );
    await m.query(
      `INSERT INTO security_finding AS f (notice_id, asset_line_id, finding_key, first_report_id,
         last_seen_report_id, title, severity, service, cves, cvss, solution, evidence, layer,
         control_point, item, compliance)
       SELECT $1, l.id, s.finding_key, $2, $2, s.title, s.severity, s.service,
         COALESCE(string_to_array(NULLIF(s.cves, ''), ','), '{}'), s.cvss, s.solution, s.evidence, s.layer,
         s.control_point, s.item, s.compliance
       FROM security_staging s
       JOIN security_task t ON t.notice_id = $1 AND t.vulnerability_key = s.task_key
       JOIN security_asset_line l ON l.task_id = t.id AND l.asset_key = s.asset_key
       WHERE s.issued
       ON CONFLICT (notice_id, finding_key) DO UPDATE SET
         last_seen_report_id = EXCLUDED.last_seen_report_id, seen_count = f.seen_count + 1,
         present = true, gone_in_report_id = NULL, title = EXCLUDED.title,
         severity = EXCLUDED.severity, service = EXCLUDED.service,
         cves = EXCLUDED.cves, cvss = EXCLUDED.cvss,
         solution = EXCLUDED.solution, evidence = EXCLUDED.evidence, updated_at = now()`,
      [noticeId, importId],
    );
    await this.keepInformational(m, noticeId, importId);
    const closed = retest ? await this.closeGone(m, noticeId, importId, format) : 0;
    return {
      findings: counts.findings,
      informational: counts.informational,
      merged: counts.merged,
      created: counts.findings - counts.merged,
      reopened: counts.reopened,
      closed,
      tasksCreated: tasks.filter((t) => t.inserted).length,
    };
  }

  /**
   * Informational findings are kept with the notice, one row per key, and never issued; a key
   * issued now (its severity rose) leaves them, since its task's finding holds it from here on.
   */
  private async keepInformational(
    m: EntityManager,
    noticeId: string,
    importId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO security_info_finding AS i (notice_id, finding_key, format, vulnerability_id,
         title, label, host, port, protocol, target, service, evidence, first_report_id,
         last_seen_report_id)
       SELECT $1, s.finding_key, s.format, s.vulnerability_id, s.title, s.label, s.host, s.port,
         s.protocol, s.target, s.service, s.evidence, $2, $2
       FROM security_staging s WHERE NOT s.issued
       ON CONFLICT (notice_id, finding_key) DO UPDATE SET
         last_seen_report_id = EXCLUDED.last_seen_report_id, seen_count = i.seen_count + 1,
         title = EXCLUDED.title, service = EXCLUDED.service, evidence = EXCLUDED.evidence,
         updated_at = now()`,
      [noticeId, importId],
    );
    await m.query(
      `DELETE FROM security_info_finding i USING security_staging s
       WHERE i.notice_id = $1 AND i.finding_key = s.finding_key AND s.issued`,
      [noticeId],
    );
  }

  /**
   * A retest speaks for the findings of its own format only (a Nessus rescan says nothing about
   * MLPS rows): those it no longer shows are gone, and an asset line left with no finding present
   * is fixed by the retest, for the hospital to verify.
   */
  private async closeGone(
    m: EntityManager,
    noticeId: string,
    importId: string,
    format: ReportFormat,
  ): Promise<number> {
    const [gone]: [Array<{ asset_line_id: string }>, number] = await m.query(
      `UPDATE security_finding f SET present = false, gone_in_report_id = $2, updated_at = now()
       FROM security_asset_line l JOIN security_task t ON t.id = l.task_id
       WHERE f.notice_id = $1 AND f.present AND l.id = f.asset_line_id AND t.format = $3
         AND NOT EXISTS (SELECT 1 FROM security_staging s WHERE s.finding_key = f.finding_key)
       RETURNING f.asset_line_id`,
      [noticeId, importId, format],
    );
    if (gone.length === 0) return 0;
    await m.query(
      `UPDATE security_asset_line l SET fixed_by_retest = true, fixed_by_report_id = $2,
         updated_at = now()
       WHERE l.id = ANY($1::uuid[]) AND NOT l.fixed_by_retest
         AND NOT EXISTS (SELECT 1 FROM security_finding f WHERE f.asset_line_id = l.id AND f.present)`,
      [[...new Set(gone.map((g) => g.asset_line_id))], importId],
    );
    return gone.length;
  }

  /**
   * Parsed and stored: `issuing` until its tasks accept steps (see `tasksIssued`). False when
   * another attempt finished the import first: then this one rolls back.
   */
  async finish(
    m: EntityManager,
    importId: string,
    summary: ImportSummary,
    itemsRead: number,
    bytesRead: number,
  ): Promise<boolean> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows]: [unknown[], number] = await m.query(
      `UPDATE security_report SET status = 'issuing', format = $2, summary = $3::jsonb,
         items_read = $4, items_total = $4, bytes_read = $5, finished_at = now()
       WHERE id = $1 AND status = 'parsing' RETURNING id`,
      [importId, summary.format, JSON.stringify(summary), itemsRead, bytesRead],
    );
    return rows.length === 1;
  }

  /** Every task of the import accepts steps: the import is `done`. */
  async tasksIssued(importId: string): Promise<void> {
    await this.ds.query(
      `UPDATE security_report SET status = 'done' WHERE id = $1 AND status = 'issuing'`,
      [importId],
    );
  }
}
