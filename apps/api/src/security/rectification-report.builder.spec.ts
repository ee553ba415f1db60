import {
  applyRemediationAction,
  initialRemediationState,
  completionFigures,
  completionItemOf,
  DEFAULT_REMEDIATION_SETTINGS,
  type RemediationActionCall,
  type RemediationState,
} from '@luyue/security/definitions';
import {
  LINE_STATUS_LABELS,
  REMEDIATION_STATUS_LABELS,
  RETEST_OUTCOME_LABELS,
  SEVERITY_LABELS,
  type Actor,
} from '@luyue/domain';
import {
  manager,
  proofFile,
  securityTask,
  staff,
  vendorDev,
  vendorPm,
} from '../../../../test/fixtures/security-task.fixtures';
import { buildRectificationReport } from './rectification-report.builder';

const ISSUED = '2027-03-01T02:00:00.000Z';
const at = (hour: number) => new Date(Date.parse(ISSUED) + hour * 3_600_000).toISOString();
const secondProof = { ...proofFile, id: 'f2', filename: '截图.png', sha256: 'b'.repeat(64) };

function run(state: RemediationState, steps: Array<[Actor, RemediationActionCall]>) {
  return steps.reduce(
    (s, [actor, call], i) =>
      applyRemediationAction(s, call, actor, at(i + 1), DEFAULT_REMEDIATION_SETTINGS).next,
    state,
  );
}

// A medium task fixed line by line and verified; a high one whose retest failed.
const medium = run(initialRemediationState(securityTask('T-medium', ISSUED)), [
  [
    vendorDev,
    { action: 'fix', payload: { note: '禁用弱算法', proof: [proofFile], assets: ['L1'] } },
  ],
  [
    vendorDev,
    { action: 'fix', payload: { note: '第二台同样处理', proof: [secondProof], assets: ['L2'] } },
  ],
  [vendorPm, { action: 'request-retest', payload: { note: '请复验' } }],
  [staff, { action: 'verify', payload: { note: '' } }],
]);
const high = run(
  initialRemediationState(
    securityTask('T-high', ISSUED, {
      title: 'Samba 远程代码执行',
      severity: 'high',
      lines: [{ lineId: 'H1', label: '10.0.0.9:445/tcp' }],
    }),
  ),
  [
    [vendorDev, { action: 'fix', payload: { note: '升级', proof: [proofFile] } }],
    [vendorPm, { action: 'request-retest', payload: { note: '' } }],
    [manager, { action: 'fail-retest', payload: { reason: '端口仍开放' } }],
  ],
);
const notice = {
  id: 'N-1',
  number: 'AQZG-1',
  title: '漏洞扫描整改',
  source: 'vuln_scan' as const,
  assessor: 'XX 测评中心',
  system: null,
  issuedAt: ISSUED,
};
const build = () =>
  buildRectificationReport(
    notice,
    [medium, high],
    completionFigures(
      [medium, high].map((s) => completionItemOf(s, at(10))),
      () => 1,
    ),
    new Date(at(10)),
  );

describe('the 整改报告 builder', () => {
  it('lists the most severe task first and numbers every asset line once', () => {
    const report = build();
    expect(report.tasks.map((t) => t.taskId)).toEqual(['T-high', 'T-medium']);
    expect(report.rows.map((r) => [r.no, r.taskId, r.asset])).toEqual([
      [1, 'T-high', '10.0.0.9:445/tcp'],
      [2, 'T-medium', '10.0.0.1:22/tcp'],
      [3, 'T-medium', '10.0.0.2:22/tcp'],
    ]);
  });

  it('gives each line the fixes that named it, their proof, and its retest', () => {
    const [, l1, l2] = build().rows;
    expect(l1.fixNotes).toContain('禁用弱算法');
    expect(l1.fixNotes).not.toContain('第二台');
    expect(l1.proof.map((p) => p.sha256)).toEqual([proofFile.sha256]);
    expect(l2.proof.map((p) => p.sha256)).toEqual([secondProof.sha256]);
    expect(l1).toMatchObject({
      severity: SEVERITY_LABELS.medium,
      status: LINE_STATUS_LABELS.verified,
      retestResult: RETEST_OUTCOME_LABELS.verified,
    });
    expect(l1.retestDate).not.toBe('');
    expect(l1.completedAt).not.toBe('');
  });

  it('shows a failed retest with its reason and leaves the line without a completion date', () => {
    const report = build();
    const [h1] = report.rows;
    expect(h1.retestResult).toBe(RETEST_OUTCOME_LABELS.failed);
    expect(h1.completedAt).toBe('');
    expect(report.tasks[0].status).toBe(REMEDIATION_STATUS_LABELS.reopened);
    expect(report.tasks[0].retests).toEqual([
      expect.objectContaining({ outcome: RETEST_OUTCOME_LABELS.failed, reason: '端口仍开放' }),
    ]);
  });

  it('flags the open high item in the summary and in its severity only', () => {
    const { summary } = build();
    expect(summary).toMatchObject({ issued: 2, completed: 1, rate: '50.0%', flagged: true });
    expect(summary.bySeverity.map((s) => [s.key, s.rate, s.flagged])).toEqual([
      ['high', '0.0%', true],
      ['medium', '100.0%', false],
    ]);
  });
});
