import type { EntityManager } from 'typeorm';
import type { QuotaEntry, RequirementBreach, RequirementState, WorkLogEntry } from '@luyue/domain';
import type {
  RequirementTransitionInput,
  RequirementTransitionResult,
} from '@luyue/temporal/definitions';

/** Nest token of the port; the worker binds it to RequirementRepository. */
export const REQUIREMENT_STORE = Symbol('RequirementStore');

/**
 * What the customization-request activities need from PostgreSQL. Every method takes the
 * EntityManager of the one transaction that writes a transition, so everything commits or rolls
 * back together.
 */
export interface RequirementStore {
  /**
   * Locks the contract year (`SELECT … FROM contract_year … FOR NO KEY UPDATE`, which still lets
   * foreign-key checks into the year pass) so quota operations of that year run one after another
   * across workflows and workers, and returns the year's quota total (contract settings) with all
   * its entries, oldest first. Throws when the contract year does not exist.
   */
  lockQuotaYear(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
  ): Promise<{ total: number; entries: QuotaEntry[] }>;
  appendQuotaEntries(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
    transitionSeq: number,
    entries: QuotaEntry[],
  ): Promise<void>;
  /**
   * Inserts the `requirement_transition` row unless (requirementId, transitionSeq) exists
   * (`ON CONFLICT DO NOTHING`; a concurrent insert of the same key waits for the first one).
   * False when it already existed.
   */
  insertTransition(manager: EntityManager, input: RequirementTransitionInput): Promise<boolean>;
  findTransitionResult(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
  ): Promise<RequirementTransitionResult | null>;
  setTransitionResult(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
    result: RequirementTransitionResult,
  ): Promise<void>;
  /**
   * Writes the `requirement` row's columns from the workflow state (the row is a projection).
   * An upsert, so the first write creates the row if the api only allocated the number.
   */
  saveProjection(manager: EntityManager, state: RequirementState): Promise<void>;
  appendWorkLog(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
    entry: WorkLogEntry,
  ): Promise<void>;
  appendBreach(
    manager: EntityManager,
    state: Pick<RequirementState, 'requirementId' | 'contractId' | 'contractYear'>,
    transitionSeq: number,
    breach: RequirementBreach,
  ): Promise<void>;
}
