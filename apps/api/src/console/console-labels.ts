import type { Party, QuotaEntryType, RequirementBreachKind, Role } from '@luyue/domain';

export const PARTY_LABELS: Readonly<Record<Party, string>> = {
  hospital: '甲方（医院）',
  vendor: '乙方（软件公司）',
  supervisor: '监理方',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  hospital_staff: '医院信息科',
  hospital_manager: '医院主管',
  vendor_pm: '项目经理',
  vendor_dev: '开发人员',
  supervisor: '监理',
  admin: '管理员',
};

export const QUOTA_ENTRY_LABELS: Readonly<Record<QuotaEntryType, string>> = {
  reserve: '预留',
  release: '释放',
  consume: '消耗',
  outside_quota: '额度外结算',
};

export const BREACH_LABELS: Readonly<Record<RequirementBreachKind, string>> = {
  assessment_overdue: '评估超期',
  delivery_overdue: '交付超期',
  late_replan_notice: '调整计划未提前 7 天告知',
};
