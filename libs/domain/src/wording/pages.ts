// The console's own words: the product name, the sections and page titles, the deadline names
// shown beside items, and the few words pages use on their own.

/** The product's name as the console and mails show it. */
export const PRODUCT_NAME = '履约';

/** The product's name with its code name: the API document's title, the mail sender, the start-up box. */
export const PRODUCT_TITLE = `luyue ${PRODUCT_NAME}`;

/** The console's sections and pages, by code. */
export const PAGE_TITLES = {
  dashboard: '工作台',
  requirements: '需求',
  changes: '项目变更',
  quota: '配额与统计',
  security: '安全整改',
  securityTasks: '整改任务',
  audit: '审计记录',
  admin: '系统管理',
  changeReply: '项目变更书面答复',
  acceptance: '需求验收确认单',
  submitRequirement: '提交需求',
  faultTickets: '故障工单',
  duties: '例行运维',
  dutyPlans: '运维计划',
  dutyFigures: '例行运维统计',
  dutyMonth: '例行运维月度汇总',
  dutySign: '运维记录签字确认',
  reportFault: '报告故障',
  assessment: '年度考核',
} as const;

export type PageCode = keyof typeof PAGE_TITLES;

/** The deadlines an item shows on the dashboard, by kind. */
export const DEADLINE_LABELS = {
  assessment: '评估期限',
  delivery: '交付期限',
  signOffReminder: '验收提醒',
  changeReply: '答复期限',
  fix: '整改期限',
} as const;

/** The tabs of 工作台, one per process, by the queue's code. */
export const QUEUE_LABELS = {
  requirement: '需求',
  change: '变更',
  security: '整改',
  fault: '故障',
  duty: '例行运维',
} as const;

/** Who acted when no person did. */
export const SYSTEM_ACTOR_LABEL = '系统';

/** A deadline missed, with when it was missed. */
export function overdueSince(at: string): string {
  return `已超期（${at}）`;
}

/** The acceptance confirmation's words: on time or not ("未" 按时), a test round's result. */
export const NOT_ON_TIME = '未';
export const TEST_ROUND_RESULT_LABELS = {
  passed: '通过',
  failed: '未通过',
  testing: '测试中',
} as const;

/** How an accepted request counts against the quota, as the confirmation prints it. */
export function acceptanceQuotaLine(
  decision: 'within_quota' | 'outside_quota',
  actualPersonDays: number,
): string {
  return decision === 'within_quota'
    ? `计入本合同年度免费接口开发额度 ${actualPersonDays} 人天`
    : '经甲方决定在免费额度之外另行结算';
}

/** A request's type before the vendor assessed it. */
export const KIND_PENDING_LABEL = '待评估';

/** What the requirement pages tell after a step. */
export function submittedFlash(id: string, attachments: number): string {
  return attachments > 0 ? `已提交需求 ${id}，附件 ${attachments} 个` : `已提交需求 ${id}`;
}
export function attachedFlash(count: number): string {
  return `已上传附件 ${count} 个`;
}
export function stepDoneFlash(stepLabel: string): string {
  return `已完成：${stepLabel}`;
}
