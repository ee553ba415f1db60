import type { AdminAuditAction } from '../audit.types';
import {
  AUDIT_ACTION_LABELS,
  auditActionLabel,
  auditSubjectLabel,
  changeStepLabel,
} from './audit-action.labels';

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

  it('names a refused or redeemed mail link and a discarded file, never their codes', () => {
    expect(auditActionLabel('link_token.refused')).toBe('邮件链接被拒绝');
    expect(auditActionLabel('link_token.redeemed')).toBe('通过邮件链接操作');
    expect(auditActionLabel('file.discarded')).toBe('删除文件');
  });

  it('has a zh-CN label for every audited action outside the processes', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(auditActionLabel(action)).toBe(label);
      expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });

  it('refuses at compile time a label table that misses an audited action', () => {
    // @ts-expect-error 'auth.logout' and the others have no label here
    const incomplete: Readonly<Record<AdminAuditAction, string>> = { 'auth.login': '登录' };
    expect(Object.keys(incomplete)).toHaveLength(1);
  });

  it('does not take an inherited property for a label', () => {
    expect(auditActionLabel('toString')).toBe('toString');
  });
});

describe('auditSubjectLabel', () => {
  it('names a subject by its number and title, a gone one by its kind, never by its id', () => {
    expect(auditSubjectLabel('requirement', { number: 'REQ-2026-0001', title: '挂号接口' })).toBe(
      'REQ-2026-0001 挂号接口',
    );
    expect(auditSubjectLabel('file', { number: 'scan.xml', title: '' })).toBe('scan.xml');
    expect(auditSubjectLabel('security_task', undefined)).toBe('整改任务');
    expect(auditSubjectLabel('link_token', undefined)).toBe('邮件链接');
  });
});
