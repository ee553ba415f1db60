import type { QuotaEntryType } from '../requirement/quota.calculator';
import type {
  Feasibility,
  RequirementBreachKind,
  RequirementKind,
  QuotaDecision,
  RequirementPriority,
  RequirementStatus,
} from '../requirement/requirement.types';

// zh-CN wording shared by mail, the ledger and the printable pages.
export const STATUS_LABELS: Readonly<Record<RequirementStatus, string>> = {
  assessing: '评估中',
  awaiting_approval: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  in_development: '开发中',
  in_testing: '测试中',
  testing_passed: '测试通过',
  released: '已发布',
  accepted: '已验收',
  cancelled: '已取消',
};

export const KIND_LABELS: Readonly<Record<RequirementKind, string>> = {
  interface_new: '接口新增',
  customization: '需求定制',
  report: '报表定制',
  policy: '政策调整',
  ux: '用户体验',
  other: '其他',
};

export const PRIORITY_LABELS: Readonly<Record<RequirementPriority, string>> = {
  urgent: '紧急',
  high: '高',
  normal: '普通',
  low: '低',
};

export const FEASIBILITY_LABELS: Readonly<Record<Feasibility, string>> = {
  feasible: '可行',
  architecture_change: '需架构调整',
  core_rewrite: '需核心重写',
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

export const QUOTA_DECISION_LABELS: Readonly<Record<QuotaDecision, string>> = {
  within_quota: '计入免费接口额度',
  outside_quota: '额度外另行结算',
};
