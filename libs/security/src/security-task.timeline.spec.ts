import {
  manager,
  proofFile,
  securityTask,
  staff,
  vendorDev,
  vendorPm,
} from '../../../test/fixtures/security-task.fixtures';
import type { Actor } from '@luyue/domain';
import { applyRemediationAction, initialRemediationState } from './security-task.reducer';
import { remediationTimeline } from './security-task.timeline';
import {
  DEFAULT_REMEDIATION_SETTINGS,
  type RemediationActionCall,
  type RemediationState,
} from './security-task.types';

const ISSUED = '2027-03-01T02:00:00.000Z';
const at = (hour: number) => new Date(Date.parse(ISSUED) + hour * 3_600_000).toISOString();

function run(steps: Array<[Actor, RemediationActionCall]>): RemediationState {
  return steps.reduce(
    (s, [actor, call], i) =>
      applyRemediationAction(s, call, actor, at(i + 1), DEFAULT_REMEDIATION_SETTINGS).next,
    initialRemediationState(securityTask('T-1', ISSUED)),
  );
}

describe('remediation timeline', () => {
  it('lists every step with the note it took, oldest first', () => {
    const s = run([
      [vendorDev, { action: 'fix', payload: { note: '升级 OpenSSH', proof: [proofFile] } }],
      [vendorPm, { action: 'request-retest', payload: { note: '已升级，请复验' } }],
      [staff, { action: 'fail-retest', payload: { reason: '10.0.0.2 仍可利用' } }],
      [vendorDev, { action: 'fix', payload: { note: '关闭 CBC', proof: [proofFile] } }],
      [vendorPm, { action: 'request-retest', payload: { note: '第二次申请' } }],
      [manager, { action: 'verify', payload: { note: '扫描复验通过' } }],
    ]);
    expect(remediationTimeline(s).map((e) => [e.at, e.step, e.by?.userId, e.note])).toEqual([
      [at(1), 'fix', vendorDev.userId, '升级 OpenSSH'],
      [at(2), 'request-retest', vendorPm.userId, '已升级，请复验'],
      [at(3), 'fail-retest', staff.userId, '10.0.0.2 仍可利用'],
      [at(4), 'fix', vendorDev.userId, '关闭 CBC'],
      [at(5), 'request-retest', vendorPm.userId, '第二次申请'],
      [at(6), 'verify', manager.userId, '扫描复验通过'],
    ]);
  });

  it('reads a state stored before verifications were kept', () => {
    const { verifications: _none, ...older } = run([
      [vendorDev, { action: 'fix', payload: { note: '升级', proof: [proofFile] } }],
    ]);
    expect(remediationTimeline(older).map((e) => e.step)).toEqual(['fix']);
  });
});
