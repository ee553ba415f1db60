import {
  manager,
  proofFile,
  securityTask,
  staff,
  vendorDev,
  vendorPm,
} from '../../../test/fixtures/security-task.fixtures';
import type { Actor } from '@luyue/domain';
import {
  applyRemediationAction,
  applyRetestImport,
  initialRemediationState,
} from './security-task.reducer';
import {
  DEFAULT_REMEDIATION_SETTINGS,
  type RemediationActionCall,
  type RemediationState,
} from './security-task.types';

const settings = DEFAULT_REMEDIATION_SETTINGS;
const ISSUED = '2027-03-01T02:00:00.000Z';
const at = (hour: number) => new Date(Date.parse(ISSUED) + hour * 3_600_000).toISOString();

function run(
  state: RemediationState,
  steps: Array<[Actor, RemediationActionCall]>,
): RemediationState {
  return steps.reduce(
    (s, [actor, call], i) => applyRemediationAction(s, call, actor, at(i + 1), settings).next,
    state,
  );
}
const fix = (assets?: string[]): RemediationActionCall => ({
  action: 'fix',
  payload: { note: '升级 OpenSSH 至 9.8', proof: [proofFile], assets },
});
const note = { note: '' };
const lineStatuses = (s: RemediationState) => s.lines.map((l) => l.status);

describe('remediation reducer', () => {
  const start = initialRemediationState(securityTask('T-1', ISSUED));

  it('starts open with one fix period of the severity from the notice, due time unknown', () => {
    expect(start.status).toBe('open');
    expect(start.fixDeadlines).toEqual([
      expect.objectContaining({ round: 1, cause: 'issued', receivedAt: ISSUED, workingDays: 7 }),
    ]);
    expect(start.fixDeadlines[0].dueAt).toBe(null);
  });

  it('is fixed only when every open line is fixed, and verified only when every line is', () => {
    let s = run(start, [[vendorDev, fix(['L1'])]]);
    expect([s.status, lineStatuses(s)]).toEqual(['in_progress', ['fixed', 'open']]);
    s = run(s, [[vendorDev, fix(['L2'])]]);
    expect([s.status, s.fixes.map((f) => f.lineIds)]).toEqual(['fixed', [['L1'], ['L2']]]);
    s = run(s, [[vendorPm, { action: 'request-retest', payload: note }]]);
    expect(s.status).toBe('retest_requested');
    expect(s.fixDeadlines[0]).toMatchObject({ endedBy: 'retest_requested' });
    expect(s.retests).toEqual([
      expect.objectContaining({
        requestedBy: expect.objectContaining({ userId: vendorPm.userId }),
      }),
    ]);
    s = run(s, [[staff, { action: 'verify', payload: { note: '', assets: ['L2'] } }]]);
    expect([s.status, lineStatuses(s), s.closedAt]).toEqual([
      'retest_requested',
      ['fixed', 'verified'],
      null,
    ]);
    s = applyRemediationAction(
      s,
      { action: 'verify', payload: note },
      manager,
      at(9),
      settings,
    ).next;
    expect([s.status, lineStatuses(s), s.closedAt]).toEqual([
      'verified',
      ['verified', 'verified'],
      at(9),
    ]);
    expect(s.retests.at(-1)).toMatchObject({ outcome: 'verified', decidedAt: at(9) });
  });

  it('keeps the retest request note and each verification with its note and lines', () => {
    let s = run(start, [
      [vendorDev, fix()],
      [vendorPm, { action: 'request-retest', payload: { note: '  已升级，请复验  ' } }],
      [staff, { action: 'verify', payload: { note: ' 10.0.0.1 复验通过 ', assets: ['L1'] } }],
    ]);
    expect(s.retests.at(-1)).toMatchObject({ note: '已升级，请复验', outcome: null });
    expect(s.verifications).toEqual([
      {
        at: at(3),
        by: expect.objectContaining({ userId: staff.userId }),
        note: '10.0.0.1 复验通过',
        lineIds: ['L1'],
      },
    ]);
    s = applyRemediationAction(
      s,
      { action: 'verify', payload: { note: '全部复验通过' } },
      manager,
      at(9),
      settings,
    ).next;
    expect(s.status).toBe('verified');
    expect(s.verifications?.map((v) => [v.note, v.lineIds])).toEqual([
      ['10.0.0.1 复验通过', ['L1']],
      ['全部复验通过', ['L2']],
    ]);
  });

  it('adds a verification to a state stored before verifications were kept', () => {
    const { verifications: _none, ...older } = run(start, [
      [vendorDev, fix()],
      [vendorPm, { action: 'request-retest', payload: note }],
    ]);
    const s = applyRemediationAction(
      older,
      { action: 'verify', payload: { note: '复验通过' } },
      staff,
      at(5),
      settings,
    ).next;
    expect(s.verifications).toEqual([expect.objectContaining({ note: '复验通过' })]);
    expect(s.status).toBe('verified');
  });

  it('reopens a failed retest with a new fix period counted from the failure', () => {
    let s = run(start, [
      [vendorDev, fix()],
      [vendorPm, { action: 'request-retest', payload: note }],
      [staff, { action: 'verify', payload: { note: '', assets: ['L1'] } }],
    ]);
    const failure = applyRemediationAction(
      s,
      { action: 'fail-retest', payload: { reason: '10.0.0.2 仍支持 CBC' } },
      staff,
      at(10),
      settings,
    );
    s = failure.next;
    expect([failure.fromStatus, failure.toStatus]).toEqual(['retest_requested', 'reopened']);
    expect(lineStatuses(s)).toEqual(['verified', 'open']);
    expect(s.retests.at(-1)).toMatchObject({ outcome: 'failed', reason: '10.0.0.2 仍支持 CBC' });
    expect(s.fixDeadlines.at(-1)).toMatchObject({
      round: 2,
      cause: 'retest_failed',
      receivedAt: at(10),
      dueAt: null,
    });
    s = run(s, [[vendorDev, fix()]]);
    expect([s.status, s.fixes.at(-1)?.lineIds]).toEqual(['fixed', ['L2']]);
  });

  it('returns a refused false positive to the state before the proposal', () => {
    let s = run(start, [
      [vendorDev, { action: 'start', payload: note }],
      [vendorPm, { action: 'propose-false-positive', payload: { reason: '端口已关闭' } }],
    ]);
    expect(s.status).toBe('false_positive_proposed');
    const refused = run(s, [
      [manager, { action: 'refuse-false-positive', payload: { reason: '复测仍开放' } }],
    ]);
    expect([refused.status, refused.falsePositives[0].decision]).toEqual([
      'in_progress',
      'refused',
    ]);
    s = run(s, [[manager, { action: 'confirm-false-positive', payload: note }]]);
    expect([s.status, s.closedAt, s.fixDeadlines[0].endedBy]).toEqual([
      'false_positive',
      at(1),
      'false_positive',
    ]);
  });

  it('ends the fix period when a risk is accepted', () => {
    const s = run(initialRemediationState(securityTask('T-1', ISSUED, { severity: 'low' })), [
      [manager, { action: 'accept-risk', payload: { reason: '内网', expiresOn: '2027-06-30' } }],
    ]);
    expect([s.status, s.fixDeadlines[0].endedBy, s.riskAcceptances[0].expiresOn]).toEqual([
      'risk_accepted',
      'risk_accepted',
      '2027-06-30',
    ]);
  });
});

describe('applyRetestImport', () => {
  const start = initialRemediationState(securityTask('T-1', ISSUED));

  it('fixes gone lines by retest and puts the task before the hospital when none is left', () => {
    const partial = applyRetestImport(
      start,
      { importId: 'I1', lines: [{ lineId: 'L1', present: false }] },
      at(1),
      settings,
    )!.next;
    expect([partial.status, lineStatuses(partial)]).toEqual(['open', ['fixed_by_retest', 'open']]);
    const all = applyRetestImport(
      partial,
      {
        importId: 'I2',
        lines: [
          { lineId: 'L1', present: false },
          { lineId: 'L2', present: false },
        ],
      },
      at(2),
      settings,
    )!.next;
    expect([all.status, lineStatuses(all)]).toEqual([
      'retest_requested',
      ['fixed_by_retest', 'fixed_by_retest'],
    ]);
    expect(all.fixDeadlines[0]).toMatchObject({ endedBy: 'retest_import', endedAt: at(2) });
    expect(all.retests).toEqual([expect.objectContaining({ requestedBy: null })]);
    const verified = applyRemediationAction(
      all,
      { action: 'verify', payload: { note: '' } },
      manager,
      at(3),
      settings,
    ).next;
    expect(verified.status).toBe('verified');
  });

  it('reopens a task whose fixed line still shows, with a new period from the import', () => {
    const fixed = run(start, [
      [vendorDev, fix()],
      [vendorPm, { action: 'request-retest', payload: note }],
    ]);
    const change = applyRetestImport(
      fixed,
      {
        importId: 'I1',
        lines: [
          { lineId: 'L1', present: false },
          { lineId: 'L2', present: true },
        ],
      },
      at(5),
      settings,
    )!;
    expect([change.toStatus, lineStatuses(change.next)]).toEqual([
      'reopened',
      ['fixed_by_retest', 'open'],
    ]);
    expect(change.next.retests.at(-1)).toMatchObject({ outcome: 'failed', decidedBy: null });
    expect(change.next.fixDeadlines.at(-1)).toMatchObject({
      round: 2,
      cause: 'retest_import',
      receivedAt: at(5),
    });
    expect(applyRetestImport(change.next, { importId: 'I1', lines: [] }, at(6), settings)).toBe(
      null,
    );
  });

  it('reopens a fixed task whose line still shows, keeping the period that still runs', () => {
    const fixed = run(start, [[vendorDev, fix()]]);
    const change = applyRetestImport(
      fixed,
      { importId: 'I1', lines: [{ lineId: 'L1', present: true }] },
      at(5),
      settings,
    )!;
    expect([change.toStatus, lineStatuses(change.next)]).toEqual(['reopened', ['open', 'fixed']]);
    expect(change.next.fixDeadlines).toEqual(fixed.fixDeadlines);
  });

  it('adds an asset the retest found the finding on', () => {
    const change = applyRetestImport(
      start,
      { importId: 'I1', lines: [{ lineId: 'L3', label: '10.0.0.3:22/tcp', present: true }] },
      at(1),
      settings,
    )!;
    expect(change.next.lines.map((l) => [l.lineId, l.label, l.status])).toContainEqual([
      'L3',
      '10.0.0.3:22/tcp',
      'open',
    ]);
    expect(change.toStatus).toBe('open');
  });

  describe('on a closed task', () => {
    const verified = run(start, [
      [vendorDev, fix()],
      [vendorPm, { action: 'request-retest', payload: note }],
      [staff, { action: 'verify', payload: { note: '' } }],
    ]);
    const falsePositive = run(start, [
      [vendorPm, { action: 'propose-false-positive', payload: { reason: '误报' } }],
      [manager, { action: 'confirm-false-positive', payload: note }],
    ]);

    it('reopens a verified task seen again, with a new fix period from the import', () => {
      expect(verified.status).toBe('verified');
      const change = applyRetestImport(
        verified,
        { importId: 'I9', lines: [{ lineId: 'L2', present: true }] },
        at(9),
        settings,
      )!;
      expect([change.fromStatus, change.toStatus]).toEqual(['verified', 'reopened']);
      expect(lineStatuses(change.next)).toEqual(['verified', 'open']);
      expect(change.next.closedAt).toBe(null);
      expect(change.next.fixDeadlines.at(-1)).toMatchObject({
        cause: 'retest_import',
        receivedAt: at(9),
        endedAt: null,
      });
    });

    it('leaves a verified task closed when the import does not show it', () => {
      const lines = [{ lineId: 'L1', present: false }];
      expect(applyRetestImport(verified, { importId: 'I9', lines }, at(9), settings)).toBe(null);
    });

    it('keeps a confirmed false positive closed on its own assets, reopens it on a new one', () => {
      expect(falsePositive.status).toBe('false_positive');
      const same = { importId: 'I9', lines: [{ lineId: 'L1', present: true }] };
      expect(applyRetestImport(falsePositive, same, at(9), settings)).toBe(null);
      const added = { importId: 'I9', lines: [{ lineId: 'L7', label: '10.0.0.7', present: true }] };
      const change = applyRetestImport(falsePositive, added, at(9), settings)!;
      expect(change.toStatus).toBe('reopened');
      expect(change.next.lines.map((l) => l.lineId)).toEqual(['L1', 'L2', 'L7']);
    });
  });
});
