import { changeStepLabel, remediationStepLabel, requirementStepLabel } from '@luyue/domain';
import { conflictHelp, pageMessage } from './error-page';

describe('the error page in zh-CN', () => {
  it('translates the services’ messages, keeps zh-CN ones, and falls back by code', () => {
    expect(pageMessage({ code: 'not_found', message: 'No request REQ-2026-0001' })).toBe(
      '没有需求 REQ-2026-0001，或您无权查看。',
    );
    expect(
      pageMessage({
        code: 'forbidden',
        message: 'This needs one of the roles: admin, hospital_staff',
      }),
    ).toBe('此页面或操作需要以下角色之一：管理员、医院信息科。');
    expect(pageMessage({ code: 'forbidden', message: '表单已过期' })).toBe('表单已过期');
    expect(pageMessage({ code: 'invalid_state', message: 'X is y: z is not possible now' })).toBe(
      '该事项的状态已经变化，当前不能这样操作。',
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
