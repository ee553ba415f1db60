import type { AccountStatus } from '../account.rules';
import type { ContractSettings, ReminderLeads, Severity } from '../contract-settings.types';
import type { ScheduleSource } from '../schedule-source.types';

// zh-CN wording of the administration pages.
export const ACCOUNT_STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  active: '启用',
  disabled: '已停用',
};

export const SCHEDULE_SOURCE_LABELS: Readonly<Record<ScheduleSource, string>> = {
  override: '正式（管理员导入）',
  builtin: '正式（系统内置）',
  provisional: '暂定（按周末与固定节日推算）',
};

type ScalarSetting = Exclude<
  keyof ContractSettings,
  'remediationWorkingDays' | 'reminderLeadWorkingDays'
>;

export const CONTRACT_SETTING_LABELS: Readonly<Record<ScalarSetting, string>> = {
  interfaceQuotaPersonDays: '每合同年免费接口开发额度（人天）',
  assessmentWorkingDays: '技术评估期限（工作日）',
  changeReplyWorkingDays: '变更书面答复期限（工作日）',
  retestWorkingDays: '甲方复验期限（工作日）',
  delayNoticeDays: '延期须提前告知（自然日）',
  systems: '运维的系统',
};

export const REMEDIATION_LABELS: Readonly<Record<Severity, string>> = {
  high: '高危问题整改期限（工作日）',
  medium: '中危问题整改期限（工作日）',
  low: '低危问题整改期限（工作日）',
};

export const REMINDER_LEAD_LABELS: Readonly<Record<keyof ReminderLeads, string>> = {
  assessment: '评估期限前提醒（工作日）',
  changeReply: '答复期限前提醒（工作日）',
  retest: '复测期限前提醒（工作日）',
  remediation: '整改期限前提醒（工作日）',
};
