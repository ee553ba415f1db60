// Requirements straight against the e2e stack's PostgreSQL: the real repository and the real
// persisting activity (audit + quota + projection in one transaction), without Temporal, so the
// SQL can be checked state by state. Mails are left out (no renderer needed).
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  applyRequirementAction,
  initialRequirementState,
  applyRequirementTimer,
  withAssessmentSchedule,
  type RequirementTimer,
  type RequirementAction,
  type RequirementActionCall,
  type RequirementEvent,
  type RequirementPayloads,
  type RequirementState,
  type RequirementTransitionInput,
  type RequirementTransitionResult,
} from '@luyue/requirement/definitions';
import { type Role } from '@luyue/domain';
import {
  AuditEventRepository,
  OutboxRepository,
  TransactionRunner,
  TransitionWriter,
  dataSourceOptions,
} from '@luyue/persistence';
import {
  QuotaLedgerRepository,
  RequirementNumberingRepository,
  RequirementQueryRepository,
  RequirementTransitionStore,
  CustomizationRequestActivitiesService,
} from '@luyue/requirement';
import { SUBMITTED, actorWith } from '../fixtures/requirement.fixtures';
import { e2eStack } from './e2e-stack';

export interface RequirementDb {
  ds: DataSource;
  numbering: RequirementNumberingRepository;
  queries: RequirementQueryRepository;
  quota: QuotaLedgerRepository;
  store: RequirementTransitionStore;
  activities: CustomizationRequestActivitiesService;
  /** A request number in a transaction of its own. */
  allocate: (yearLabel: number) => Promise<string>;
}

/** A DataSource of its own (its own pool), with the repository and activity service on it. */
export async function openRequirementDb(): Promise<RequirementDb> {
  const ds = new DataSource({ ...dataSourceOptions(e2eStack().databaseUrl), extra: { max: 4 } });
  await ds.initialize();
  const numbering = new RequirementNumberingRepository();
  const queries = new RequirementQueryRepository(ds);
  const quota = new QuotaLedgerRepository(ds);
  const store = new RequirementTransitionStore();
  const unused = undefined as never; // calendar, renderer, config: not reached without mails
  const writer = new TransitionWriter(
    new TransactionRunner(ds),
    new AuditEventRepository(ds),
    new OutboxRepository(ds),
  );
  const activities = new CustomizationRequestActivitiesService(
    unused,
    writer,
    store,
    quota,
    unused,
    unused,
  );
  const allocate = (yearLabel: number): Promise<string> =>
    ds.transaction((m) => numbering.allocate(m, yearLabel));
  return { ds, numbering, queries, quota, store, activities, allocate };
}

/** A contract of three fresh organizations with years 1 and 2 and the given quota. */
export async function createQuotaContract(ds: DataSource, quota: number): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const org = async (name: string, party: string): Promise<string> => {
    const rows: Array<{ id: string }> = await ds.query(
      `INSERT INTO organization (name, party) VALUES ($1, $2) RETURNING id`,
      [`${name} ${tag}`, party],
    );
    return rows[0].id;
  };
  const [h, v, s] = [
    await org('需求库医院', 'hospital'),
    await org('需求库厂商', 'vendor'),
    await org('需求库监理', 'supervisor'),
  ];
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO contract (number, name, hospital_organization_id, vendor_organization_id,
       supervisor_organization_id, start_date, end_date, settings)
     VALUES ($1, $2, $3, $4, $5, '2025-07-01', '2027-06-30', $6::jsonb) RETURNING id`,
    [
      `REQDB-${tag}`,
      `需求库合同 ${tag}`,
      h,
      v,
      s,
      JSON.stringify({ interfaceQuotaPersonDays: quota }),
    ],
  );
  const id = rows[0].id;
  await ds.query(
    `INSERT INTO contract_year (contract_id, year_no, start_date, end_date)
     VALUES ($1, 1, '2025-07-01', '2026-06-30'), ($1, 2, '2026-07-01', '2027-06-30')`,
    [id],
  );
  return id;
}

const DAY = 86_400_000;
/** An ISO instant `days` from now (negative: in the past). */
export const daysFromNow = (days: number): string =>
  new Date(Date.now() + days * DAY).toISOString();
/** The YYYY-MM-DD (UTC) `days` from now. */
export const dateFromNow = (days: number): string => daysFromNow(days).slice(0, 10);

/**
 * Drives one request through the reducer and persists every change with the real activity, the
 * way the workflow does (seq after seq), so the rows are those a real request leaves.
 */
export class RequirementDriver {
  state: RequirementState;

  constructor(
    private readonly db: RequirementDb,
    id: string,
    contractId: string,
    contractYear: number,
    receivedAt: string,
    readonly description = '需求说明',
  ) {
    this.state = initialRequirementState({
      ...SUBMITTED,
      requirementId: id,
      contractId,
      contractYear,
      receivedAt,
    });
  }

  /** The api's row, then the workflow's first write (the assessment deadline). */
  async submit(assessmentDueAt: string): Promise<void> {
    const s = this.state;
    await this.db.ds.transaction((m) =>
      this.db.numbering.insertSubmitted(m, {
        id: s.requirementId,
        contractId: s.contractId,
        contractYear: s.contractYear,
        title: s.title,
        description: this.description,
        system: s.system,
        priority: s.priority,
        submittedById: s.submittedBy.userId,
        submittedByEmail: s.submittedBy.email,
        submittedByName: s.submittedBy.name,
        receivedAt: s.receivedAt,
      }),
    );
    const scheduled = withAssessmentSchedule(
      s,
      { dueAt: assessmentDueAt, reminderAt: null, provisional: false },
      s.receivedAt,
    );
    await this.event('assessment_scheduled', { ...scheduled, seq: s.seq + 1 }, null, s.receivedAt);
  }

  /** The transition input of an action, as the workflow builds it; not persisted. */
  prepare<A extends RequirementAction>(
    action: A,
    payload: RequirementPayloads[A],
    role: Role,
    at: string,
  ): RequirementTransitionInput {
    const call = { action, payload } as RequirementActionCall;
    const actor = actorWith(role);
    const change = applyRequirementAction(this.state, call, actor, at, { delayNoticeDays: 7 });
    return {
      ...call,
      requirementId: this.state.requirementId,
      contractId: this.state.contractId,
      contractYear: this.state.contractYear,
      workflowId: this.state.requirementId,
      transitionSeq: change.next.seq,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      at,
      state: change.next,
      breach: change.breach,
      mails: [],
      actor,
      requestId: `req-${randomUUID()}`,
      quota: change.quota,
      workLog: change.workLog,
    };
  }

  /** Persists an action; keeps the new state only when it was applied (as the workflow does). */
  async act<A extends RequirementAction>(
    action: A,
    payload: RequirementPayloads[A],
    role: Role,
    at: string,
    activities = this.db.activities,
  ): Promise<RequirementTransitionResult> {
    const input = this.prepare(action, payload, role, at);
    const result = await activities.persistRequirementTransition(input);
    if (result.outcome === 'applied') this.state = input.state;
    return result;
  }

  async timer(timer: RequirementTimer, at: string): Promise<void> {
    const { next, breach } = applyRequirementTimer(this.state, timer, at);
    await this.event(timer, next, breach, at);
  }

  private async event(
    action: RequirementEvent,
    next: RequirementState,
    breach: RequirementTransitionInput['breach'],
    at: string,
  ): Promise<void> {
    await this.db.activities.persistRequirementTransition({
      action,
      payload: { dueAt: null },
      actor: null,
      requestId: null,
      quota: null,
      workLog: null,
      requirementId: next.requirementId,
      contractId: next.contractId,
      contractYear: next.contractYear,
      workflowId: next.requirementId,
      transitionSeq: next.seq,
      fromStatus: this.state.status,
      toStatus: next.status,
      at,
      state: next,
      breach,
      mails: [],
    });
    this.state = next;
  }
}
