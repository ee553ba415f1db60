import { CONTRACT_SETTING_LABELS } from './admin.labels';
import { PRODUCT_TITLE } from './pages';

// Field labels: one entry per field, read by the DTO descriptions, the console forms, the pages,
// the mails and the exports, so a field is called the same everywhere.
export const FIELD_LABELS = {
  // Customization requests.
  'requirement.id': '编号',
  'requirement.title': '需求名称',
  'requirement.description': '需求描述',
  'requirement.system': '所属系统',
  'requirement.priority': '优先级',
  'requirement.kind': '需求类型',
  'requirement.approvedKind': '甲方确定的需求类型',
  'requirement.feasibility': '可行性',
  'requirement.estimatePersonDays': '估算工作量（人天）',
  'requirement.actualPersonDays': '实际工作量（人天）',
  'requirement.plannedDeliveryDate': '计划交付日期',
  'requirement.newPlannedDeliveryDate': '新的计划交付日期',
  'requirement.solution': '技术方案',
  'requirement.alternativeSolution': '替代方案',
  'requirement.quotaDecision': '接口额度',
  'requirement.assessmentDueAt': '评估期限',
  'requirement.assessedAt': '评估完成',
  'requirement.submittedBy': '提交人',
  'requirement.submittedAt': '提交时间',
  'requirement.status': '状态',
  'requirement.releasedAt': '实际交付',
  'requirement.acceptedAt': '验收时间',
  'requirement.acceptedBy': '验收人',
  'requirement.reason': '原因',
  'requirement.note': '备注',
  'requirement.effortDate': '工作日期',
  'requirement.effortPersonDays': '工作量（人天）',
  'requirement.effortNote': '工作内容',
  'requirement.testVersion': '测试版本',
  'requirement.testNotes': '测试说明',
  'requirement.testOpinion': '测试意见',
  'requirement.failNotes': '问题说明',
  'requirement.releaseVersion': '发布版本',
  'requirement.releaseNotes': '发布说明',
  'requirement.rollbackPlan': '回退方案',
  'requirement.acceptanceNote': '验收意见',
  // Change requests.
  'change.title': '变更名称',
  'change.type': '变更类型',
  'change.description': '变更内容',
  'change.impactScope': '对范围的影响',
  'change.impactSchedule': '对进度的影响',
  'change.impactCost': '对费用的影响',
  'change.replanRequirementId': '确认后调整计划交付日期的需求（可选）',
  'change.replanDate': '新的计划交付日期',
  'change.grantRequirementId': '确认后批准额度外接口开发的需求（可选）',
  'change.reply': '答复',
  'change.comment': '意见',
  'change.note': '说明',
  'change.withdrawReason': '撤回原因',
  'change.documents': '配置文档',
  // Administration.
  'admin.organizationName': '单位名称',
  'admin.party': '参与方',
  'admin.initialPassword': '初始密码',
  'admin.email': '邮箱',
  'admin.name': '姓名',
  'admin.phone': '手机号',
  'admin.organization': '所属单位',
  'admin.roles': '角色',
  'admin.newPassword': '新密码',
  'admin.year': '年份',
  // What a person ticks before a step that cannot be undone.
  'confirm.reject': '我确认驳回此需求（驳回后不能恢复）',
  'confirm.cancel': '我确认取消此需求（取消后不能恢复）',
  'confirm.withdraw': '我确认撤回此项目变更（撤回后不能恢复）',
  'confirm.disable': '我确认停用此账号（该用户的现有登录立即失效）',
  'confirm.resetPassword': '我确认重置此用户的密码（该用户的所有登录立即失效）',
  'admin.holidays': '放假日期',
  'admin.workdays': '调休上班日期',
  'admin.systems': CONTRACT_SETTING_LABELS.systems,
  // Rectification notices.
  'notice.number': '通知单编号',
  'notice.title': '标题',
  'notice.source': '来源',
  'notice.assessor': '测评/扫描机构',
  'notice.issuedAt': '下发日期',
  'notice.system': '系统',
  'notice.lowestIssuedSeverity': '下发为整改任务的风险等级',
  // Remediation tasks.
  'remediation.note': '说明',
  'remediation.reason': '原因',
  'remediation.assets': '资产',
  'remediation.fixNote': '整改说明',
  'remediation.proof': '证明材料（配置差异、截图、补丁记录等）',
  'remediation.expiresOn': '有效期至',
} as const;

export type FieldKey = keyof typeof FIELD_LABELS;

/** The hint shown under a field's control, where it has one. */
export const FIELD_HINTS: Partial<Readonly<Record<FieldKey, string>>> = {
  'requirement.alternativeSolution': '需要架构调整或核心重写时必填（免费提供）',
  'requirement.approvedKind': '不选则采用乙方评估的类型',
  'requirement.quotaDecision': '仅接口新增需求适用',
  'requirement.actualPersonDays': '不填则按工作日志合计',
  'change.comment': '不同意时必填',
  'change.replanRequirementId': '本合同未结束的需求',
  'change.grantRequirementId': '该需求须为待审批的接口新增需求',
  'remediation.assets': '不勾选即为全部适用资产',
  'admin.roles': '须属于所属单位的参与方（管理员不限）',
  'admin.systems': '每行一个',
  'notice.lowestIssuedSeverity': '不选即低风险及以上；更低的发现只随通知单留存，不下发',
  'admin.holidays': '国务院通知中放假的每一天，含假期内的周末；不用的格子留空',
  'admin.workdays': '调休后上班的周末；没有则留空',
};

/**
 * The columns of the 需求管理台账 export, as the hospital's template names them (its own
 * vocabulary, shorter than the form labels).
 */
export const REQUIREMENT_LEDGER_HEADERS = {
  id: '编号',
  title: '标题',
  kind: '类型',
  system: '系统',
  submitter: '提交人',
  submittedAt: '提交时间',
  assessmentDueAt: '评估期限',
  assessedAt: '评估完成',
  assessmentOnTime: '评估是否按时',
  estimatePersonDays: '估算人天',
  actualPersonDays: '实际人天',
  plannedDeliveryDate: '计划交付',
  releasedAt: '实际交付',
  deliveryOnTime: '交付是否按时',
  status: '状态',
  acceptedAt: '验收时间',
  acceptedBy: '验收人',
} as const;

/** The facts a requirement mail lists that are not a form's fields. */
export const MAIL_FACT_LABELS = {
  estimate: '评估工作量',
  freeAlternative: '替代方案（免费）',
  version: '版本',
  notes: '说明',
  actual: '实际工作量',
} as const;

/** An amount of work as people write it. */
export function personDays(days: number): string {
  return `${days} 人天`;
}

/** Yes or no as a cell of an export says it; empty when unknown. */
export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : value ? '是' : '否';
}

/** The names exports carry (workbook author, sheet and file names). */
export const EXPORT_NAMES = {
  creator: PRODUCT_TITLE,
  requirementLedger: '需求管理台账',
  rectificationList: '整改清单',
  rectificationReport: '整改报告',
  audit: '审计记录',
} as const;

/** The audit export's columns, as the audit page shows them. */
export const AUDIT_HEADERS = {
  at: '时间',
  actor: '操作人',
  party: '参与方',
  action: '事项',
  subject: '对象',
} as const;

/** The assessors' empty finding sheets, by kind. */
export const FINDING_TEMPLATE_NAMES = {
  mlps: '等保测评问题清单模板',
  crypto: '密评问题清单模板',
} as const;

/** The columns of the rectification list export (整改清单), as the notice is checked. */
export const RECTIFICATION_LIST_HEADERS = {
  no: '序号',
  severity: '风险等级',
  title: '问题名称',
  vulnerabilityId: '漏洞编号/控制点',
  asset: '影响资产/测评对象',
  solution: '整改建议',
  dueAt: '整改期限',
  status: '状态',
  fixedByRetest: '复测已修复',
} as const;

/** The columns of the rectification report export (整改报告). */
export const RECTIFICATION_REPORT_COLUMN_HEADERS = {
  no: '序号',
  title: '整改项',
  severity: '风险等级',
  asset: '资产',
  status: '整改状态',
  fixNotes: '整改说明',
  proof: '证明材料',
  retestResult: '复验结果',
  retestDate: '复验日期',
  completedAt: '完成日期',
} as const;

/** The label of a field. */
export function fieldLabel(key: FieldKey): string {
  return FIELD_LABELS[key];
}
