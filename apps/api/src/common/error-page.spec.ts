import { changeStepLabel, remediationStepLabel, requirementStepLabel } from '@luyue/domain';
import { DomainError } from '@luyue/domain';
import { conflictHelp, pageMessage } from './error-page';

describe('the error page in zh-CN', () => {
  it('says a domain error from its message key and parameters, and falls back by code', () => {
    expect(new DomainError('not_found', 'requirement.not_found', { id: 'REQ-2026-0001' }).zh).toBe(
      '没有需求 REQ-2026-0001，或您无权查看。',
    );
    expect(
      new DomainError('forbidden', 'auth.needs_role', { roles: ['admin', 'hospital_staff'] }).zh,
    ).toBe('此页面或操作需要以下角色之一：管理员、医院信息科。');
    expect(
      new DomainError('invalid_state', 'action.not_now', { id: 'X', status: 'y', action: 'z' }).zh,
    ).toBe('该事项的状态已经变化，当前不能这样操作。');
    expect(pageMessage({ code: 'invalid_state', message: 'X is y: z is not possible now' })).toBe(
      '该事项的状态已经变化，当前不能这样操作。',
    );
    expect(pageMessage({ code: 'internal_error', message: 'Internal server error' })).toBe(
      '出错了，请稍后重试。',
    );
  });

  it('names the allowed actions and the state of every process’s item page', () => {
    expect(
      conflictHelp('/change-requests/CR-2026-001/actions/reply', {
        allowedActions: ['reply'],
        currentStatus: 'awaiting_replies',
      }),
    ).toEqual({
      allowed: [changeStepLabel('reply')],
      current: '待书面答复',
      back: { href: '/change-requests/CR-2026-001', label: '返回变更申请页面查看最新状态' },
    });
    const task = conflictHelp('/security/tasks/T-1/actions/verify', {
      allowedActions: ['start'],
      currentStatus: 'open',
    });
    expect(task).toMatchObject({ allowed: [remediationStepLabel('start')], current: '待整改' });
    expect(task.back?.href).toBe('/security/tasks/T-1');
    expect(
      conflictHelp('/requirements/R-1/actions/x', { allowedActions: ['approve'] }),
    ).toMatchObject({
      allowed: [requirementStepLabel('approve')],
      back: { href: '/requirements/R-1' },
    });
    expect(remediationStepLabel('start')).not.toBe('start');
  });
});
