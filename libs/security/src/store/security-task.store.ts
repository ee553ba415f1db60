import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FindingSeverity } from '../security-finding.types';
import type { ImportedLine } from '../security-task.rules';
import type {
  RemediationBreach,
  RemediationState,
  RemediationStatus,
} from '../security-task.types';
import type { TransitionTable } from '@luyue/persistence';

/** Where this process's transitions are kept (the one write path inserts them). */
export const SECURITY_TASK_TRANSITION_TABLE: TransitionTable = {
  table: 'security_task_transition',
  subjectColumn: 'task_id',
};

/** What the worker needs to start a task's workflow: the task and its asset lines. */
export interface UnstartedTask {
  taskId: string;
  noticeId: string;
  contractId: string;
  title: string;
  severity: FindingSeverity;
  source: string;
  issuedAt: string;
  lines: Array<{ lineId: string; label: string }>;
}

/** One started task's asset lines as an import left them (see importResults). */
export interface TaskImportResult {
  taskId: string;
  status: RemediationStatus;
  lines: ImportedLine[];
}

/**
 * Writes of the remediation lifecycle: each transition keyed (taskId, seq), the task row and its
 * asset lines projected from the workflow state, the vendor's missed fix deadlines.
 */
@Injectable()
export class SecurityTaskStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The row and its lines from the state; the due date is the running fix period's. */
  async saveProjection(m: EntityManager, s: RemediationState): Promise<void> {
    const period = s.fixDeadlines.at(-1);
    await m.query(
      `UPDATE security_task SET state = $2, workflow_state = $3::jsonb, last_seq = $4,
         due_at = COALESCE($5, due_at), provisional = COALESCE($6, provisional),
         closed_at = $7, updated_at = $8
       WHERE id = $1 AND last_seq < $4`,
      [
        s.taskId,
        s.status,
        JSON.stringify(s),
        s.seq,
        period?.dueAt ?? null,
        period ? period.provisional : null,
        s.closedAt,
        s.updatedAt,
      ],
    );
    for (const line of s.lines) {
      await m.query(
        `UPDATE security_asset_line SET state = $3, updated_at = $4
         WHERE id = $1 AND task_id = $2 AND state IS DISTINCT FROM $3`,
        [line.lineId, s.taskId, line.status, s.updatedAt],
      );
    }
  }

  async appendBreach(
    m: EntityManager,
    s: RemediationState,
    seq: number,
    breach: RemediationBreach,
  ): Promise<void> {
    await m.query(
      `INSERT INTO security_task_breach (task_id, notice_id, contract_id, contract_year, kind,
         round, due_at, recorded_at, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (task_id, kind, round) DO NOTHING`,
      [
        s.taskId,
        s.noticeId,
        s.contractId,
        s.contractYear,
        breach.kind,
        breach.round,
        breach.dueAt,
        breach.recordedAt,
        seq,
      ],
    );
  }

  /**
   * Tasks of a notice whose workflow has not been started yet, with their lines. A task reaches
   * the vendor when its report was uploaded (or the notice's date, if later), as its due date.
   */
  async unstarted(noticeId: string): Promise<UnstartedTask[]> {
    return this.ds.query(
      `SELECT t.id AS "taskId", t.notice_id AS "noticeId", t.contract_id AS "contractId",
         t.title, t.severity, n.source,
         GREATEST(n.issued_at, r.uploaded_at) AS "issuedAt",
         COALESCE(json_agg(json_build_object('lineId', l.id, 'label', l.label) ORDER BY l.label)
           FILTER (WHERE l.id IS NOT NULL), '[]') AS lines
       FROM security_task t
       JOIN security_notice n ON n.id = t.notice_id
       JOIN security_report r ON r.id = t.first_report_id
       LEFT JOIN security_asset_line l ON l.task_id = t.id
       WHERE t.notice_id = $1 AND t.workflow_started_at IS NULL
       GROUP BY t.id, n.source, n.issued_at, r.uploaded_at
       ORDER BY t.created_at, t.id`,
      [noticeId],
    );
  }

  /**
   * For an import into a notice: each started task with its status and every asset line:
   * `present` when one of its findings is still present, `seen` when this import showed one,
   * `known` when the task's workflow already holds the line (else the import added it).
   */
  async importResults(noticeId: string, importId: string): Promise<TaskImportResult[]> {
    return this.ds.query(
      `SELECT t.id AS "taskId", t.state AS status,
         json_agg(json_build_object('lineId', l.id, 'label', l.label,
           'present', EXISTS (SELECT 1 FROM security_finding f
             WHERE f.asset_line_id = l.id AND f.present),
           'seen', EXISTS (SELECT 1 FROM security_finding f
             WHERE f.asset_line_id = l.id AND f.last_seen_report_id = $2),
           'known', l.id::text IN (SELECT jsonb_array_elements(t.workflow_state->'lines')->>'lineId'))
           ORDER BY l.label) AS lines
       FROM security_task t JOIN security_asset_line l ON l.task_id = t.id
       WHERE t.notice_id = $1 AND t.workflow_started_at IS NOT NULL
       GROUP BY t.id ORDER BY t.id`,
      [noticeId, importId],
    );
  }

  /** Tasks of the notice whose workflow started but has not recorded its first state yet. */
  async notYetAccepting(noticeId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM security_task
       WHERE notice_id = $1 AND workflow_started_at IS NOT NULL AND last_seq = 0`,
      [noticeId],
    );
    return rows.map((r) => r.id);
  }

  async markStarted(taskIds: string[]): Promise<void> {
    if (taskIds.length === 0) return;
    await this.ds.query(
      `UPDATE security_task SET workflow_started_at = now()
       WHERE id = ANY($1::uuid[]) AND workflow_started_at IS NULL`,
      [taskIds],
    );
  }

  /** Open tasks (for a calendar change) and their workflow states (figures). */
  async openTaskIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM security_task
       WHERE workflow_started_at IS NOT NULL AND state NOT IN ('verified', 'false_positive')`,
    );
    return rows.map((r) => r.id);
  }

  async stateOf(taskId: string): Promise<RemediationState | null> {
    const rows: Array<{ workflow_state: RemediationState | null }> = await this.ds.query(
      `SELECT workflow_state FROM security_task WHERE id = $1`,
      [taskId],
    );
    return rows[0]?.workflow_state ?? null;
  }

  async states(contractId: string): Promise<RemediationState[]> {
    return (await this.numberedStates(contractId)).map((r) => r.state);
  }

  /** The same states with each task's number, for evidence that links to the task. */
  async numberedStates(
    contractId: string,
  ): Promise<Array<{ id: string; number: string; state: RemediationState }>> {
    return this.ds.query(
      `SELECT t.id, n.number || '-' || t.task_no AS number, t.workflow_state AS state
       FROM security_task t JOIN security_notice n ON n.id = t.notice_id
       WHERE t.contract_id = $1 AND t.workflow_state IS NOT NULL ORDER BY t.created_at, t.id`,
      [contractId],
    );
  }
}
