import type { AdminAuditAction } from '../audit.types';
import { CHANGE_STEP_WORDING } from './change-request.labels';
import { REQUIREMENT_STEP_WORDING } from './requirement.labels';
import { REMEDIATION_STEP_WORDING } from './security-task.labels';
import { FAULT_STEP_WORDING } from './fault-ticket.labels';
import { DUTY_STEP_WORDING } from './duty.labels';

/** zh-CN names of the audited actions outside the three processes (accounts, settings, files). */
export const AUDIT_ACTION_LABELS: Readonly<Record<AdminAuditAction, string>> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'contract.created': '创建合同',
  'contract.settings_updated': '修改合同设置',
  'file.discarded': '删除文件',
  'file.uploaded': '上传文件',
  'link_token.redeemed': '通过邮件链接操作',
  'link_token.refused': '邮件链接被拒绝',
  'organization.created': '创建单位',
  'security_notice.issued': '下发整改通知单',
  'security_report.uploaded': '上传测评报告',
  'user.created': '创建用户',
  'user.disabled': '停用用户',
  'user.enabled': '启用用户',
  'user.password_reset': '重置密码',
  'user.roles_changed': '修改角色',
};

function stepLabel(wording: Readonly<Record<string, { label: string }>>, step: string): string {
  return Object.hasOwn(wording, step) ? wording[step].label : step;
}

/** zh-CN label of a step (action or event) of each process; an unknown step stays its code. */
export const requirementStepLabel = (step: string): string =>
  stepLabel(REQUIREMENT_STEP_WORDING, step);
export const changeStepLabel = (step: string): string => stepLabel(CHANGE_STEP_WORDING, step);
export const remediationStepLabel = (step: string): string =>
  stepLabel(REMEDIATION_STEP_WORDING, step);
export const faultStepLabel = (step: string): string => stepLabel(FAULT_STEP_WORDING, step);
export const dutyStepLabel = (step: string): string => stepLabel(DUTY_STEP_WORDING, step);

/** The step label of a process's audited step, by the action's prefix; others from the table. */
const PROCESS_STEPS: ReadonlyArray<[string, (step: string) => string]> = [
  ['requirement.', requirementStepLabel],
  ['change_request.', changeStepLabel],
  ['security_task.', remediationStepLabel],
  ['fault_ticket.', faultStepLabel],
  ['duty_occurrence.', dutyStepLabel],
];

/** zh-CN name of any audited action; the raw code when none is known. */
export function auditActionLabel(action: string): string {
  const process = PROCESS_STEPS.find(([prefix]) => action.startsWith(prefix));
  if (process) return process[1](action.slice(process[0].length));
  return Object.hasOwn(AUDIT_ACTION_LABELS, action)
    ? AUDIT_ACTION_LABELS[action as AdminAuditAction]
    : action;
}

/** zh-CN name of the kind of an audited subject, shown when the subject itself is gone. */
export const AUDIT_SUBJECT_TYPE_LABELS: Readonly<Record<string, string>> = {
  requirement: '需求',
  change_request: '项目变更',
  security_task: '整改任务',
  fault_ticket: '故障工单',
  duty_occurrence: '运维任务',
  duty_plan: '运维计划',
  security_notice: '整改通知单',
  user: '用户',
  organization: '单位',
  contract: '合同',
  file: '文件',
  link_token: '邮件链接',
};

/** What a page shows for an audited subject: its number and title, else only its kind. */
export function auditSubjectLabel(
  type: string,
  name: { number: string; title: string } | undefined,
): string {
  if (name) return name.title ? `${name.number} ${name.title}` : name.number;
  return Object.hasOwn(AUDIT_SUBJECT_TYPE_LABELS, type) ? AUDIT_SUBJECT_TYPE_LABELS[type] : type;
}
