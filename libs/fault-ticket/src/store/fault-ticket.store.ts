import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TransitionTable } from '@luyue/persistence';
import type { FaultTicketState } from '../fault-ticket.types';
import type { SlaPolicy } from '../sla-policy';

/** Where this process's transitions are kept (the one write path inserts them). */
export const FAULT_TICKET_TRANSITION_TABLE: TransitionTable = {
  table: 'fault_ticket_transition',
  subjectColumn: 'ticket_id',
};

/** The earliest due time of a running clock: what lists sort and the dashboard colours by. */
function nextDue(s: FaultTicketState): string | null {
  const due = s.clocks.flatMap((c) => (c.since !== null && c.dueAt ? [c.dueAt] : [])).sort();
  return due[0] ?? null;
}

/**
 * Writes of fault tickets: the row (created by the workflow's first write, so a ticket exists
 * exactly when its workflow does), its projection, its breaches, the contract's SLA policies.
 */
@Injectable()
export class FaultTicketStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The ticket's row, once: the first write of its workflow inserts it. */
  async ensureRow(m: EntityManager, s: FaultTicketState): Promise<void> {
    await m.query(
      `INSERT INTO fault_ticket (id, number, contract_id, contract_year, system, title, level,
         state, reported_at, reported_by, policy_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'reported', $8, $9, $10)
       ON CONFLICT (id) DO NOTHING`,
      [
        s.ticketId,
        s.number,
        s.contractId,
        s.contractYear,
        s.system,
        s.title,
        s.level,
        s.reportedAt,
        s.reportedBy.userId,
        s.policyVersion,
      ],
    );
  }

  async saveProjection(m: EntityManager, s: FaultTicketState): Promise<void> {
    await m.query(
      `UPDATE fault_ticket SET state = $2, level = $3, workflow_state = $4::jsonb, last_seq = $5,
         next_due_at = $6, paused = $7, closed_at = $8, updated_at = $9
       WHERE id = $1 AND last_seq < $5`,
      [
        s.ticketId,
        s.status,
        s.level,
        JSON.stringify(s),
        s.seq,
        nextDue(s),
        s.pause?.since != null,
        s.closedAt,
        s.updatedAt,
      ],
    );
  }

  /** One row per breached clock; its overrun is known once the clock stops. */
  async saveBreaches(m: EntityManager, s: FaultTicketState): Promise<void> {
    for (const c of s.clocks) {
      if (!c.breachedAt) continue;
      await m.query(
        `INSERT INTO fault_ticket_breach (ticket_id, clock, contract_id, contract_year, level,
           due_at, breached_at, overrun_minutes, seq)
         VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, $7::timestamptz), $7, $8, $9)
         ON CONFLICT (ticket_id, clock) DO UPDATE SET overrun_minutes = EXCLUDED.overrun_minutes,
           level = EXCLUDED.level
         WHERE fault_ticket_breach.seq <= EXCLUDED.seq`,
        [
          s.ticketId,
          c.kind,
          s.contractId,
          s.contractYear,
          s.level,
          c.dueAt,
          c.breachedAt,
          c.overrunMinutes,
          s.seq,
        ],
      );
    }
  }

  /**
   * The contract year's overruns of a level, this transaction's breaches included. Writers of
   * the same year and level take turns (a transaction lock), so the last of two concurrent
   * breaches sees both and a threshold is never stepped over unseen.
   */
  async yearOverrunsOfLevel(
    m: EntityManager,
    s: Pick<FaultTicketState, 'contractId' | 'contractYear' | 'level'>,
  ): Promise<number> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('fault-overruns:' || $1))`, [
      `${s.contractId}:${s.contractYear}:${s.level}`,
    ]);
    const rows: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM fault_ticket_breach
       WHERE contract_id = $1 AND contract_year = $2 AND level = $3`,
      [s.contractId, s.contractYear, s.level],
    );
    return rows[0].n;
  }

  async nextNumber(reportedYear: number): Promise<string> {
    const rows: Array<{ n: string }> = await this.ds.query(
      `SELECT nextval('fault_ticket_number_seq')::text AS n`,
    );
    return `GZ-${reportedYear}-${rows[0].n.padStart(4, '0')}`;
  }

  async openTicketIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM fault_ticket WHERE state <> 'closed'`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Open tickets with a running clock that counts between `from` and `to`: running since before
   * `to` and due at or after `from` (a clock counts only from its `since` to its due instant, and
   * a paused one is computed again when it resumes). A ticket whose stored state names no clocks
   * is kept, to be safe.
   */
  async openTicketIdsCounting(from: string, to: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT t.id FROM fault_ticket t
       WHERE t.state <> 'closed'
         AND (jsonb_typeof(t.workflow_state -> 'clocks') IS DISTINCT FROM 'array'
           OR EXISTS (
             SELECT 1 FROM jsonb_array_elements(t.workflow_state -> 'clocks') AS c
             WHERE c ->> 'since' IS NOT NULL
               AND (c ->> 'since')::timestamptz < $2::timestamptz
               AND (c ->> 'dueAt' IS NULL OR (c ->> 'dueAt')::timestamptz >= $1::timestamptz)))`,
      [from, to],
    );
    return rows.map((r) => r.id);
  }

  /** The contract's SLA policy in force, and its version (null: the default, never edited). */
  async currentPolicy(contractId: string): Promise<{ version: number; policy: SlaPolicy } | null> {
    const rows: Array<{ version: number; policy: SlaPolicy }> = await this.ds.query(
      `SELECT version, policy FROM sla_policy WHERE contract_id = $1
       ORDER BY version DESC LIMIT 1`,
      [contractId],
    );
    return rows[0] ?? null;
  }

  /** A new version; tickets reported before keep theirs. */
  async savePolicy(contractId: string, policy: SlaPolicy, by: string): Promise<number> {
    const rows: Array<{ version: number }> = await this.ds.query(
      `INSERT INTO sla_policy (contract_id, version, policy, created_by)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2::jsonb, $3 FROM sla_policy WHERE contract_id = $1
       RETURNING version`,
      [contractId, JSON.stringify(policy), by],
    );
    return rows[0].version;
  }

  /** A change request's policy effect: one version per effect key, however often it is retried. */
  async savePolicyOnce(
    contractId: string,
    policy: SlaPolicy,
    by: string,
    key: string,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO sla_policy (contract_id, version, policy, created_by, source_key)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2::jsonb, $3, $4 FROM sla_policy WHERE contract_id = $1
       ON CONFLICT (source_key) DO NOTHING`,
      [contractId, JSON.stringify(policy), by, key],
    );
  }
}
