import { changeStepLabel } from './audit-action.labels';
import { auditActionLabel } from './audit-action.labels';

describe('auditActionLabel', () => {
  it('names the steps of every process and the admin actions in zh-CN', () => {
    const actions = [
      'requirement.submitted',
      'requirement.approve',
      'change_request.proposed',
      'change_request.reply',
      'security_task.start',
      'security_task.verify',
      'user.roles_changed',
      'contract.settings_updated',
      'security_notice.issued',
    ];
    for (const action of actions) expect(auditActionLabel(action)).toMatch(/[\u4e00-\u9fff]/);
    expect(auditActionLabel('change_request.reply')).toBe(changeStepLabel('reply'));
    expect(auditActionLabel('something.unknown')).toBe('something.unknown');
  });
});
