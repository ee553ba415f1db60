import { actorWith, stateIn, SUBMITTED } from '../../../test/fixtures/requirement.fixtures';
import { applyRequirementAction, initialRequirementState } from './requirement.reducer';
import type { RequirementActionCall, RequirementState } from './requirement.types';

const settings = { delayNoticeDays: 7 };
const pm = actorWith('vendor_pm');
const dev = actorWith('vendor_dev');
const manager = actorWith('hospital_manager');
const staff = actorWith('hospital_staff');

function run(
  state: RequirementState,
  steps: Array<[RequirementActionCall, ReturnType<typeof actorWith>, string]>,
) {
  const changes = [];
  for (const [call, actor, at] of steps) {
    const change = applyRequirementAction(state, call, actor, at, settings);
    changes.push(change);
    state = change.next;
  }
  return { state, changes };
}

const assessing = (): RequirementState => ({
  ...initialRequirementState(SUBMITTED),
  deadlines: {
    assessment: {
      dueAt: '2026-12-04T15:59:59.999Z',
      reminderAt: '2026-12-03T01:00:00.000Z',
      provisional: false,
      reminderSentAt: null,
      breachedAt: null,
    },
    delivery: null,
    signOff: null,
  },
});

const assess = (kind: 'interface_new' | 'report' = 'interface_new'): RequirementActionCall => ({
  action: 'assess',
  payload: {
    kind,
    feasibility: 'feasible',
    estimatePersonDays: 10,
    plannedDeliveryDate: '2026-12-31',
    solution: '新增接口',
  },
});

describe('applyRequirementAction', () => {
  it('starts assessing, with nothing written yet', () => {
    expect(initialRequirementState(SUBMITTED)).toMatchObject({
      status: 'assessing',
      seq: 0,
      receivedAt: SUBMITTED.receivedAt,
      quotaReservedPersonDays: 0,
    });
  });

  it('walks the whole lifecycle, counting writes and effort, reserving then consuming quota', () => {
    const { state, changes } = run(assessing(), [
      [assess(), pm, '2026-12-03T02:00:00.000Z'],
      [{ action: 'approve', payload: {} }, manager, '2026-12-04T02:00:00.000Z'],
      [{ action: 'start-development', payload: {} }, dev, '2026-12-07T02:00:00.000Z'],
      [
        { action: 'log-effort', payload: { date: '2026-12-07', personDays: 2.5, note: '' } },
        dev,
        '2026-12-07T10:00:00.000Z',
      ],
      [
        { action: 'log-effort', payload: { date: '2026-12-08', personDays: 3, note: '联调' } },
        pm,
        '2026-12-08T10:00:00.000Z',
      ],
      [
        { action: 'submit-for-testing', payload: { version: 'v1', notes: '' } },
        dev,
        '2026-12-09T02:00:00.000Z',
      ],
      [
        { action: 'fail-testing', payload: { notes: '字段缺失' } },
        staff,
        '2026-12-10T02:00:00.000Z',
      ],
      [
        { action: 'submit-for-testing', payload: { version: 'v2', notes: '补字段' } },
        dev,
        '2026-12-11T02:00:00.000Z',
      ],
      [{ action: 'pass-testing', payload: { notes: '通过' } }, staff, '2026-12-14T02:00:00.000Z'],
      [
        {
          action: 'release',
          payload: { version: 'v2', releaseNotes: '上线', rollbackPlan: '回退到 v1' },
        },
        pm,
        '2026-12-15T02:00:00.000Z',
      ],
      [{ action: 'accept', payload: { note: '验收通过' } }, manager, '2026-12-16T02:00:00.000Z'],
    ]);
    expect(changes.map((c) => `${c.fromStatus}->${c.toStatus}`)).toEqual([
      'assessing->awaiting_approval',
      'awaiting_approval->approved',
      'approved->in_development',
      'in_development->in_development',
      'in_development->in_development',
      'in_development->in_testing',
      'in_testing->in_development',
      'in_development->in_testing',
      'in_testing->testing_passed',
      'testing_passed->released',
      'released->accepted',
    ]);
    expect(changes.map((c) => c.quota)).toEqual([
      null,
      { op: 'reserve', personDays: 10, decision: 'within_quota' },
      ...Array<null>(8).fill(null),
      { op: 'consume', personDays: 5.5 },
    ]);
    expect(changes[3].workLog).toMatchObject({ personDays: 2.5, by: { userId: dev.userId } });
    expect(state).toMatchObject({
      status: 'accepted',
      seq: 11,
      kind: 'interface_new',
      kindDecision: null,
      approval: { quotaDecision: 'within_quota' },
      quotaReservedPersonDays: 0,
      loggedPersonDays: 5.5,
      assessment: { onTime: true, alternativeSolution: null },
      release: { version: 'v2', onTime: true },
      acceptance: { actualPersonDays: 5.5, acceptedBy: { userId: manager.userId } },
      updatedAt: '2026-12-16T02:00:00.000Z',
    });
    expect(state.testRounds.map((r) => [r.version, r.result])).toEqual([
      ['v1', 'failed'],
      ['v2', 'passed'],
    ]);
  });

  it('records an assessment after its deadline as late', () => {
    const { state } = run(assessing(), [[assess(), pm, '2026-12-04T16:00:00.000Z']]);
    expect(state.assessment?.onTime).toBe(false);
  });

  it('lets the hospital decide the kind, recorded as a decided dispute', () => {
    const { state, changes } = run(assessing(), [
      [assess('report'), pm, '2026-12-03T02:00:00.000Z'],
      [
        { action: 'approve', payload: { kind: 'interface_new' } },
        manager,
        '2026-12-04T02:00:00.000Z',
      ],
    ]);
    expect(state.kind).toBe('interface_new');
    expect(state.kindDecision).toMatchObject({
      vendorKind: 'report',
      decidedKind: 'interface_new',
    });
    expect(changes[1].quota).toEqual({ op: 'reserve', personDays: 10, decision: 'within_quota' });
  });

  it('does not touch the quota for other kinds, and records an outside-quota decision', () => {
    const other = run(assessing(), [
      [assess('report'), pm, '2026-12-03T02:00:00.000Z'],
      [
        { action: 'approve', payload: { quotaDecision: 'outside_quota' } },
        manager,
        '2026-12-04T02:00:00.000Z',
      ],
    ]);
    expect(other.changes[1].quota).toBeNull();
    expect(other.state.approval?.quotaDecision).toBeNull();
    const outside = run(assessing(), [
      [assess(), pm, '2026-12-03T02:00:00.000Z'],
      [
        { action: 'approve', payload: { quotaDecision: 'outside_quota' } },
        manager,
        '2026-12-04T02:00:00.000Z',
      ],
      [{ action: 'cancel', payload: { reason: '取消' } }, manager, '2026-12-05T02:00:00.000Z'],
    ]);
    expect(outside.changes.map((c) => c.quota)).toEqual([
      null,
      { op: 'reserve', personDays: 10, decision: 'outside_quota' },
      null,
    ]);
    expect(outside.state.quotaReservedPersonDays).toBe(0);
  });

  it('releases a reservation when rejected or cancelled after approval', () => {
    for (const action of ['reject', 'cancel'] as const) {
      const { state, changes } = run(assessing(), [
        [assess(), pm, '2026-12-03T02:00:00.000Z'],
        [{ action: 'approve', payload: {} }, manager, '2026-12-04T02:00:00.000Z'],
        [{ action, payload: { reason: '预算调整' } }, manager, '2026-12-05T02:00:00.000Z'],
      ]);
      expect(changes[2].quota).toEqual({ op: 'release' });
      expect(state).toMatchObject({
        status: action === 'reject' ? 'rejected' : 'cancelled',
        quotaReservedPersonDays: 0,
        closure: { reason: '预算调整', by: { userId: manager.userId } },
      });
    }
  });

  it('takes the actual person-days given at acceptance over the work log', () => {
    const released = stateIn('released', { quotaReservedPersonDays: 10, loggedPersonDays: 4 });
    const change = applyRequirementAction(
      released,
      { action: 'accept', payload: { actualPersonDays: 9, note: '' } },
      manager,
      '2026-12-20T02:00:00.000Z',
      settings,
    );
    expect(change.quota).toEqual({ op: 'consume', personDays: 9 });
    expect(change.next.acceptance?.actualPersonDays).toBe(9);
  });

  it('records a late delay notice as a breach and judges the delivery against it', () => {
    const approved = stateIn('in_development', { plannedDeliveryDate: '2026-12-10' });
    const replan = applyRequirementAction(
      approved,
      {
        action: 'replan',
        payload: { plannedDeliveryDate: '2026-12-24', reason: '第三方接口延期' },
      },
      pm,
      '2026-12-05T02:00:00.000Z', // 5 days before the old date
      settings,
    );
    expect(replan.toStatus).toBe('in_development');
    expect(replan.next.plannedDeliveryDate).toBe('2026-12-24');
    expect(replan.next.replans).toMatchObject([
      { from: '2026-12-10', to: '2026-12-24', late: true },
    ]);
    // Notice was due by 24:00 on 12-03, 7 days before 12-10.
    expect(replan.breach).toEqual({
      kind: 'late_replan_notice',
      dueAt: '2026-12-03T15:59:59.999Z',
      recordedAt: '2026-12-05T02:00:00.000Z',
    });
    const released = applyRequirementAction(
      { ...replan.next, status: 'testing_passed' },
      { action: 'release', payload: { version: 'v1', releaseNotes: 'x', rollbackPlan: 'y' } },
      pm,
      '2026-12-20T02:00:00.000Z',
      settings,
    );
    expect(released.next.release?.onTime).toBe(false);
  });

  it('delivers on time up to 24:00 of the planned date and late after it', () => {
    const ready = stateIn('testing_passed', { plannedDeliveryDate: '2026-12-10' });
    const release = (at: string) =>
      applyRequirementAction(
        ready,
        { action: 'release', payload: { version: 'v1', releaseNotes: 'x', rollbackPlan: 'y' } },
        pm,
        at,
        settings,
      ).next.release?.onTime;
    expect(release('2026-12-10T15:59:59.999Z')).toBe(true);
    expect(release('2026-12-10T16:00:00.000Z')).toBe(false);
  });
});
