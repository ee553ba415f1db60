import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TransitionTable } from '@luyue/persistence';
import type { DutyPlan } from '../duty-plan';
import type { DutyState } from '../duty.types';

/** Where this process's transitions are kept (the one write path inserts them). */
export const DUTY_TRANSITION_TABLE: TransitionTable = {
  table: 'duty_occurrence_transition',
  subjectColumn: 'occurrence_id',
};

export interface DutyPlanRecord {
  id: string;
  contractId: string;
  plan: DutyPlan;
  active: boolean;
  createdBy: string;
  createdAt: string;
}

export type DutyLinkType = 'fault_ticket' | 'requirement';

export interface DutyLinkRecord {
  occurrenceId: string;
  itemKey: string;
  subjectType: DutyLinkType;
  subjectId: string;
}

const PLAN_COLUMNS = `id, contract_id AS "contractId", plan, active, created_by AS "createdBy",
  created_at AS "createdAt"`;

/**
 * Writes of scheduled duties: plans, occurrences (inserted when generated, so their rows exist
 * before their workflows; generating again adds nothing), projections and links.
 */
@Injectable()
export class DutyStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insertPlan(
    id: string,
    contractId: string,
    plan: DutyPlan,
    by: string,
    sourceKey: string | null = null,
  ): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO duty_plan (id, contract_id, kind, title, plan, created_by, source_key)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [id, contractId, plan.kind, plan.title, JSON.stringify(plan), by, sourceKey],
    );
    return rows.length > 0;
  }

  async findPlan(id: string): Promise<DutyPlanRecord | null> {
    const rows: DutyPlanRecord[] = await this.ds.query(
      `SELECT ${PLAN_COLUMNS} FROM duty_plan WHERE id = $1`,
      [id],
    );
    return rows[0] ? { ...rows[0], createdAt: new Date(rows[0].createdAt).toISOString() } : null;
  }

  /** The plan a change request's effect made, by the effect's key. */
  async planBySource(key: string): Promise<DutyPlanRecord | null> {
    const rows: DutyPlanRecord[] = await this.ds.query(
      `SELECT ${PLAN_COLUMNS} FROM duty_plan WHERE source_key = $1`,
      [key],
    );
    return rows[0] ? { ...rows[0], createdAt: new Date(rows[0].createdAt).toISOString() } : null;
  }

  async plansOf(contractId: string): Promise<DutyPlanRecord[]> {
    const rows: DutyPlanRecord[] = await this.ds.query(
      `SELECT ${PLAN_COLUMNS} FROM duty_plan WHERE contract_id = $1
       ORDER BY active DESC, created_at, id`,
      [contractId],
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  /** Active plans whose cadence follows the statutory holidays (they change when a year is loaded). */
  async activeHolidayPlans(): Promise<DutyPlanRecord[]> {
    const rows: DutyPlanRecord[] = await this.ds.query(
      `SELECT ${PLAN_COLUMNS} FROM duty_plan
       WHERE active AND plan->'cadence'->>'type' IN ('before_holidays', 'during_holidays')
       ORDER BY created_at, id`,
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  async deactivatePlan(id: string): Promise<void> {
    await this.ds.query(`UPDATE duty_plan SET active = false, updated_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /** `n` new occurrence numbers RW-<year>-<n>, in one round trip. */
  async nextNumbers(year: number, n: number): Promise<string[]> {
    const rows: Array<{ n: string }> = await this.ds.query(
      `SELECT nextval('duty_occurrence_number_seq')::text AS n FROM generate_series(1, $1)`,
      [n],
    );
    return rows.map((r) => `RW-${year}-${r.n.padStart(5, '0')}`);
  }

  /** The nominal days a plan already has occurrences on in a contract year. */
  async slotKeysOf(planId: string, contractYear: number): Promise<string[]> {
    const rows: Array<{ k: string }> = await this.ds.query(
      `SELECT to_char(slot_key, 'YYYY-MM-DD') AS k FROM duty_occurrence
       WHERE plan_id = $1 AND contract_year = $2`,
      [planId, contractYear],
    );
    return rows.map((r) => r.k);
  }

  /** New occurrences with their first state; those generated before are left as they are. */
  async insertOccurrences(states: DutyState[]): Promise<void> {
    if (states.length === 0) return;
    const col = <T>(f: (s: DutyState) => T): T[] => states.map(f);
    await this.ds.query(
      `INSERT INTO duty_occurrence (id, number, contract_id, contract_year, plan_id, kind, title,
         slot_key, window_start, due_day, record_due_at, provisional, state, workflow_state)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::uuid[], $6::text[],
         $7::text[], $8::date[], $9::date[], $10::date[], $11::timestamptz[], $12::boolean[],
         $13::text[], $14::jsonb[])
       ON CONFLICT (plan_id, contract_year, slot_key) DO NOTHING`,
      [
        col((s) => s.occurrenceId),
        col((s) => s.number),
        col((s) => s.contractId),
        col((s) => s.contractYear),
        col((s) => s.plan.planId),
        col((s) => s.plan.kind),
        col((s) => s.plan.title),
        col((s) => s.slot.key),
        col((s) => s.slot.windowStart),
        col((s) => s.slot.dueDay),
        col((s) => s.slot.recordDueAt),
        col((s) => s.slot.provisional),
        col((s) => s.status),
        col((s) => JSON.stringify(s)),
      ],
    );
  }

  /** A plan's occurrences of a year whose workflows may not have started: nothing written yet. */
  async unstarted(planId: string, contractYear: number): Promise<DutyState[]> {
    const rows: Array<{ s: DutyState }> = await this.ds.query(
      `SELECT workflow_state AS s FROM duty_occurrence
       WHERE plan_id = $1 AND contract_year = $2 AND last_seq = 0 AND state = 'open'
       ORDER BY due_day, id`,
      [planId, contractYear],
    );
    return rows.map((r) => r.s);
  }

  async saveProjection(m: EntityManager, s: DutyState): Promise<void> {
    await m.query(
      `UPDATE duty_occurrence SET state = $2, workflow_state = $3::jsonb, last_seq = $4,
         window_start = $5, due_day = $6, record_due_at = $7, provisional = $8, breached_at = $9,
         done_at = $10, updated_at = $11
       WHERE id = $1 AND last_seq < $4`,
      [
        s.occurrenceId,
        s.status,
        JSON.stringify(s),
        s.seq,
        s.slot.windowStart,
        s.slot.dueDay,
        s.slot.recordDueAt,
        s.slot.provisional,
        s.breachedAt,
        s.doneAt,
        s.updatedAt,
      ],
    );
  }

  /** Occurrences still waiting for something: told when a calendar year is loaded. */
  async openOccurrenceIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM duty_occurrence WHERE state IN ('open', 'recorded', 'returned')`,
    );
    return rows.map((r) => r.id);
  }

  /** Open occurrences of a plan not due yet: cancelled when the plan is stopped. */
  async futureOpenOf(planId: string, today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM duty_occurrence WHERE plan_id = $1 AND state = 'open' AND due_day > $2`,
      [planId, today],
    );
    return rows.map((r) => r.id);
  }

  async addLink(link: DutyLinkRecord, by: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO duty_link (occurrence_id, item_key, subject_type, subject_id, created_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [link.occurrenceId, link.itemKey, link.subjectType, link.subjectId, by],
    );
  }
}
