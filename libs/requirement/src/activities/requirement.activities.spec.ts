import type { EntityManager } from 'typeorm';
import type { CalendarService } from '@luyue/calendar';
import type { AppConfig } from '@luyue/config';
import { applyRequirementAction } from '../requirement.reducer';
import { type AuditEventInput } from '@luyue/domain';
import { type QuotaEntry } from '../quota.calculator';
import { type RequirementActionCall, type RequirementState } from '../requirement.types';
import {
  type RequirementTransitionInput,
  type RequirementTransitionResult,
} from '../requirement-transition.types';
import { TemplateRenderer } from '@luyue/notifications';
import {
  TransitionWriter,
  type AuditEventRepository,
  type NewOutboxMail,
  type OutboxRepository,
  type TransactionRunner,
} from '@luyue/persistence';
import { type QuotaLedgerRepository } from '../store/quota-ledger.repository';
import { type RequirementTransitionStore } from '../store/requirement-transition.store';
import { actorWith, stateIn } from '../../../../test/fixtures/requirement.fixtures';
import { CustomizationRequestActivitiesService } from './requirement.activities';

/** An in-memory database whose writes count only when the transaction's work succeeds. */
class FakeDatabase {
  committed: Array<[string, unknown]> = [];
  transitions = new Map<string, RequirementTransitionResult | null>();
  quota: QuotaEntry[] = [];
  private pending: Array<[string, unknown]> = [];
  private pendingTransitions = new Map<string, RequirementTransitionResult | null>();

  readonly tx = {
    run: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      this.pending = [];
      this.pendingTransitions = new Map();
      const result = await work(this.manager);
      this.committed.push(...this.pending);
      for (const [k, v] of this.pendingTransitions) this.transitions.set(k, v);
      for (const [kind, value] of this.pending) {
        if (kind === 'quota') this.quota.push(...(value as QuotaEntry[]));
      }
      return result;
    },
  } as unknown as TransactionRunner;

  /** Answers the one statement the writer sends itself: the keyed transition insert. */
  private readonly manager = {
    query: async (_sql: string, params: unknown[]) => {
      const key = `${String(params[0])}:${String(params[1])}`;
      if (this.transitions.has(key) || this.pendingTransitions.has(key)) return [];
      this.pendingTransitions.set(key, null);
      return Promise.resolve([{ seq: params[1] }]);
    },
  } as unknown as EntityManager;

  readonly quotaLedger: Pick<QuotaLedgerRepository, 'lockYear' | 'append'> = {
    lockYear: async () => Promise.resolve({ total: 10, entries: [...this.quota] }),
    append: async (_m, _c, _y, _s, entries) => void this.pending.push(['quota', entries]),
  };

  readonly store: Pick<RequirementTransitionStore, keyof RequirementTransitionStore> = {
    findTransitionResult: async (_m, id, seq) =>
      Promise.resolve(this.transitions.get(`${id}:${seq}`) ?? null),
    setTransitionResult: async (_m, id, seq, result) =>
      void this.pendingTransitions.set(`${id}:${seq}`, result),
    saveProjection: async (_m, state) => void this.pending.push(['row', state.status]),
    appendWorkLog: async (_m, _id, _seq, entry) => void this.pending.push(['work_log', entry]),
    appendBreach: async (_m, _s, _seq, breach) => void this.pending.push(['breach', breach]),
  };

  readonly audit = {
    append: async (_m: EntityManager, event: AuditEventInput) =>
      void this.pending.push(['audit', event]),
  } as unknown as AuditEventRepository;

  readonly outbox = {
    enqueue: async (_m: EntityManager, mail: NewOutboxMail) =>
      void this.pending.push(['mail', mail]),
  } as unknown as OutboxRepository;

  kinds(): string[] {
    return this.committed.map(([kind]) => kind);
  }
}

const pm = actorWith('vendor_pm');
const manager = actorWith('hospital_manager');

function transition(
  state: RequirementState,
  call: RequirementActionCall,
  actor = manager,
): RequirementTransitionInput {
  const change = applyRequirementAction(state, call, actor, '2026-12-04T02:00:00.000Z', {
    delayNoticeDays: 7,
  });
  return {
    ...call,
    requirementId: state.requirementId,
    contractId: state.contractId,
    contractYear: state.contractYear,
    workflowId: state.requirementId,
    transitionSeq: change.next.seq,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    at: '2026-12-04T02:00:00.000Z',
    state: change.next,
    breach: change.breach,
    mails: [
      {
        messageKey: `${state.requirementId}:${change.next.seq}:requirement-${call.action}`,
        template: `requirement-${call.action}`,
        to: ['pm@vendor.example'],
      },
    ],
    actor,
    requestId: 'req-1',
    quota: change.quota,
    workLog: change.workLog,
  };
}

const awaiting = (estimatePersonDays: number): RequirementState =>
  stateIn('awaiting_approval', {
    seq: 2,
    kind: 'interface_new',
    plannedDeliveryDate: '2026-12-31',
    assessment: {
      kind: 'interface_new',
      feasibility: 'feasible',
      estimatePersonDays,
      plannedDeliveryDate: '2026-12-31',
      solution: '新增接口',
      alternativeSolution: null,
      assessedAt: '2026-12-02T02:00:00.000Z',
      assessedBy: { userId: pm.userId, name: pm.name, email: pm.email, party: 'vendor' },
      onTime: true,
    },
  });

describe('CustomizationRequestActivitiesService.persistRequirementTransition', () => {
  const setup = () => {
    const db = new FakeDatabase();
    const service = new CustomizationRequestActivitiesService(
      {} as CalendarService,
      new TransitionWriter(db.tx, db.audit, db.outbox),
      db.store,
      db.quotaLedger as QuotaLedgerRepository,
      new TemplateRenderer(),
      { PUBLIC_BASE_URL: 'https://luyue.example' } as AppConfig,
    );
    return { db, service };
  };

  it('writes the row, quota, audit event and mail together, once per seq', async () => {
    const { db, service } = setup();
    const input = transition(awaiting(8), { action: 'approve', payload: {} });
    const result = await service.persistRequirementTransition(input);
    expect(result).toEqual({
      outcome: 'applied',
      quota: {
        total: 10,
        reserved: 8,
        consumed: 0,
        remaining: 2,
        outsideQuota: 0,
        grantedByChanges: 0,
      },
    });
    expect(db.kinds()).toEqual(['quota', 'row', 'audit', 'mail']);
    const audit = db.committed[2][1] as AuditEventInput;
    expect(audit).toMatchObject({
      actorType: 'user',
      actorId: manager.userId,
      party: 'hospital',
      action: 'requirement.approve',
      subjectType: 'requirement',
      subjectId: 'REQ-2026-0001',
      summary: { before: { status: 'awaiting_approval' }, after: { status: 'approved' } },
      requestId: 'req-1',
    });
    const mail = db.committed[3][1] as NewOutboxMail;
    expect(mail).toMatchObject({
      messageKey: 'REQ-2026-0001:3:requirement-approve',
      template: 'requirement-approve',
      recipients: ['pm@vendor.example'],
    });
    expect(mail.subject).toBe(
      '【履约】REQ-2026-0001 HIS 对接医保结算接口：需求已批准，可以开始开发',
    );
    expect(mail.text).toContain('当前状态：已批准');
    expect(mail.html).toContain('https://luyue.example/requirements/REQ-2026-0001');

    // The activity is retried after its answer was lost: same answer, nothing written again.
    expect(await service.persistRequirementTransition(input)).toEqual(result);
    expect(db.kinds()).toHaveLength(4);
    expect(db.quota).toHaveLength(1);
  });

  it('answers quota_exceeded and writes nothing, so the same seq can be used again', async () => {
    const { db, service } = setup();
    const input = transition(awaiting(12), { action: 'approve', payload: {} });
    expect(await service.persistRequirementTransition(input)).toEqual({
      outcome: 'quota_exceeded',
      remaining: 10,
      requested: 12,
    });
    expect(db.committed).toEqual([]);
    expect(db.transitions.size).toBe(0);

    const outside = transition(awaiting(12), {
      action: 'approve',
      payload: { quotaDecision: 'outside_quota' },
    });
    expect(outside.transitionSeq).toBe(input.transitionSeq);
    expect(await service.persistRequirementTransition(outside)).toMatchObject({
      outcome: 'applied',
      quota: { remaining: 10, outsideQuota: 12 },
    });
  });

  it('records a timer event as the system, with its breach', async () => {
    const { db, service } = setup();
    const state = stateIn('assessing', { seq: 2 });
    const breach = {
      kind: 'assessment_overdue' as const,
      dueAt: '2026-12-04T15:59:59.999Z',
      recordedAt: '2026-12-04T16:00:00.000Z',
    };
    await service.persistRequirementTransition({
      action: 'assessment_breached',
      payload: { dueAt: breach.dueAt },
      actor: null,
      requestId: null,
      quota: null,
      workLog: null,
      requirementId: state.requirementId,
      contractId: state.contractId,
      contractYear: 1,
      workflowId: state.requirementId,
      transitionSeq: 3,
      fromStatus: 'assessing',
      toStatus: 'assessing',
      at: breach.recordedAt,
      state: { ...state, seq: 3, breaches: [breach] },
      breach,
      mails: [
        {
          messageKey: 'REQ-2026-0001:3:requirement-assessment-breached',
          template: 'requirement-assessment-breached',
          to: ['manager@hospital.example', 'pm@vendor.example'],
        },
      ],
    });
    expect(db.kinds()).toEqual(['row', 'breach', 'audit', 'mail']);
    expect(db.committed[2][1]).toMatchObject({
      actorType: 'system',
      action: 'requirement.assessment_breached',
    });
    const mail = db.committed[3][1] as NewOutboxMail;
    expect(mail.text).toContain('需求技术评估已超期');
    expect(mail.text).toContain('期限：2026-12-04 23:59');
  });
});
