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
  'change.replanDate': '新的计划交付日期',
  'change.reply': '答复',
  'change.comment': '意见',
  'change.note': '说明',
  'change.withdrawReason': '撤回原因',
} as const;

export type FieldKey = keyof typeof FIELD_LABELS;

/** The label of a field. */
export function fieldLabel(key: FieldKey): string {
  return FIELD_LABELS[key];
}
