import type {
  RequirementStep,
  QuotaEntryType,
  Feasibility,
  RequirementBreachKind,
  RequirementKind,
  QuotaDecision,
  RequirementPriority,
  RequirementStatus,
} from '@luyue/requirement/definitions';
import { FIELD_LABELS } from './fields';
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

/** The timeline label and the mail headline of every step of the process. */
export const REQUIREMENT_STEP_WORDING = {
  assess: {
    label: '技术评估',
    headline: '需求技术评估已完成，请审批',
  },
  approve: {
    label: '批准',
    headline: '需求已批准，可以开始开发',
  },
  reject: {
    label: '驳回',
    headline: '需求已驳回',
  },
  'start-development': {
    label: '开始开发',
    headline: '需求已开始开发',
  },
  'log-effort': {
    label: '登记工作量',
    headline: '已登记工作量',
  },
  'submit-for-testing': {
    label: '提交测试',
    headline: '需求已提交测试，请进行用户验收测试（UAT）',
  },
  'pass-testing': {
    label: '测试通过',
    headline: '需求测试已通过，可以发布',
  },
  'fail-testing': {
    label: '测试未通过',
    headline: '需求测试未通过，请修改后重新提交',
  },
  release: {
    label: '发布',
    headline: '需求已发布，请验收并签署需求验收确认单',
  },
  accept: {
    label: '验收',
    headline: '需求已验收',
  },
  replan: {
    label: '调整计划交付日期',
    headline: '需求计划交付日期已调整',
  },
  cancel: {
    label: '取消',
    headline: '需求已取消',
  },
  submitted: {
    label: '提交需求',
    headline: '收到新的需求',
  },
  assessment_scheduled: {
    label: '开始评估计时',
    headline: '收到新的需求，请在期限内完成技术评估',
  },
  deadlines_recomputed: {
    label: '按正式节假日重算期限',
    headline: '需求期限已按正式节假日安排重新计算',
  },
  assessment_reminder: {
    label: '评估到期提醒',
    headline: '需求技术评估即将到期',
  },
  assessment_breached: {
    label: '评估超期',
    headline: '需求技术评估已超期',
  },
  delivery_reminder: {
    label: '交付到期提醒',
    headline: '需求计划交付日期临近，如需延期请至少提前一周告知',
  },
  delivery_overdue: {
    label: '交付超期',
    headline: '需求已超过计划交付日期',
  },
  signoff_reminder: {
    label: '验收提醒',
    headline: '需求已发布，请尽快验收签字',
  },
} as const satisfies Readonly<Record<RequirementStep, { label: string; headline: string }>>;

/**
 * The facts the request's decisions rest on (assessment, test rounds, release), as the request
 * page shows them above its forms and the acceptance confirmation prints them.
 */
export const REQUIREMENT_FACT_LABELS = {
  assessment: REQUIREMENT_STEP_WORDING.assess.label,
  feasibility: FIELD_LABELS['requirement.feasibility'],
  assessedAt: FIELD_LABELS['requirement.assessedAt'],
  solution: FIELD_LABELS['requirement.solution'],
  alternativeSolution: FIELD_LABELS['requirement.alternativeSolution'],
  estimate: FIELD_LABELS['requirement.estimatePersonDays'],
  plannedDeliveryDate: FIELD_LABELS['requirement.plannedDeliveryDate'],
  tests: '用户验收测试',
  testVersion: FIELD_LABELS['requirement.testVersion'],
  testSubmittedAt: REQUIREMENT_STEP_WORDING['submit-for-testing'].label,
  testNotes: FIELD_LABELS['requirement.testNotes'],
  testResult: '结果',
  testOpinion: FIELD_LABELS['requirement.testOpinion'],
  release: REQUIREMENT_STEP_WORDING.release.label,
  releaseVersion: FIELD_LABELS['requirement.releaseVersion'],
  releasedAt: '发布时间',
  releaseNotes: FIELD_LABELS['requirement.releaseNotes'],
  rollbackPlan: FIELD_LABELS['requirement.rollbackPlan'],
  onTime: '按期',
} as const;
