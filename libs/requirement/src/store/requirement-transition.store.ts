import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequirementBreach, RequirementState, WorkLogEntry } from '../requirement.types';
import type { RequirementTransitionResult } from '../requirement-transition.types';
import { projectionUpsert } from './requirement-projection.mapper';
import type { TransitionTable } from '@luyue/persistence';

/** Where this process's transitions are kept (the one write path inserts them). */
export const REQUIREMENT_TRANSITION_TABLE: TransitionTable = {
  table: 'requirement_transition',
  subjectColumn: 'requirement_id',
};

/**
 * What the customization-request activities write through. Every method takes the EntityManager
 * of the one transaction that writes a transition, so everything commits or rolls back together.
 */
@Injectable()
export class RequirementTransitionStore {
  async findTransitionResult(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
  ): Promise<RequirementTransitionResult | null> {
    const rows: Array<{ result: RequirementTransitionResult | null }> = await manager.query(
      `SELECT result FROM requirement_transition WHERE requirement_id = $1 AND seq = $2`,
      [requirementId, transitionSeq],
    );
    return rows[0]?.result ?? null;
  }

  async setTransitionResult(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
    result: RequirementTransitionResult,
  ): Promise<void> {
    await manager.query(
      `UPDATE requirement_transition SET result = $3::jsonb
       WHERE requirement_id = $1 AND seq = $2`,
      [requirementId, transitionSeq, JSON.stringify(result)],
    );
  }

  /**
   * Writes the `requirement` row's columns from the workflow state (the row is a projection).
   * An upsert, so the first write creates the row if the api only allocated the number.
   */
  async saveProjection(manager: EntityManager, state: RequirementState): Promise<void> {
    const { sql, params } = projectionUpsert(state);
    await manager.query(sql, params);
  }

  async appendWorkLog(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
    entry: WorkLogEntry,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO requirement_work_log (requirement_id, seq, date, person_days, note, user_id,
         user_email, logged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (requirement_id, seq) DO NOTHING`,
      [
        requirementId,
        transitionSeq,
        entry.date,
        entry.personDays,
        entry.note,
        entry.by.userId,
        entry.by.email,
        entry.loggedAt,
      ],
    );
  }

  async appendBreach(
    manager: EntityManager,
    state: Pick<RequirementState, 'requirementId' | 'contractId' | 'contractYear'>,
    transitionSeq: number,
    breach: RequirementBreach,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO requirement_breach (requirement_id, contract_id, contract_year, kind, due_at,
         recorded_at, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (requirement_id, kind, due_at) DO NOTHING`,
      [
        state.requirementId,
        state.contractId,
        state.contractYear,
        breach.kind,
        breach.dueAt,
        breach.recordedAt,
        transitionSeq,
      ],
    );
  }
}
