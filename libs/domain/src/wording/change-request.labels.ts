import type {
  ChangeStep,
  ChangeEffectType,
  ChangeStatus,
  ChangeType,
  EffectResult,
  ReplyChannel,
  ReplyDecision,
} from '@luyue/change-request/definitions';
export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = {
  awaiting_replies: '待书面答复',
  agreed: '三方同意',
  confirmed: '已书面确认',
  implementing: '实施中',
  archiving: '配置文档已归档',
  closed: '已关闭',
  rejected: '未获同意（按原合同执行）',
  lapsed: '答复超期（按原合同执行）',
  withdrawn: '已撤回',
};

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  add: '增加',
  remove: '减少',
  replace: '替换',
  modify: '修改',
  schedule: '调整交付时间',
  location: '调整交付地点',
};

export const REPLY_DECISION_LABELS: Record<ReplyDecision, string> = {
  agree: '同意',
  disagree: '不同意',
};

export const REPLY_CHANNEL_LABELS: Record<ReplyChannel, string> = {
  console: '控制台',
  link: '邮件链接',
};

export const CHANGE_EFFECT_LABELS: Record<ChangeEffectType, string> = {
  replan_requirement: '调整需求计划交付日期',
  grant_quota: '额度外接口开发（批准该需求额度外结算）',
  contract_settings: '调整合同系统清单或期限',
  sla_policy: '调整故障响应时限（SLA）',
  duty_plan: '调整例行运维计划',
};

export const EFFECT_OUTCOME_LABELS: Record<EffectResult['outcome'], string> = {
  applied: '已执行',
  refused: '未执行',
};

/** The effects mail's headline when not every effect was applied. */
export const EFFECTS_NOT_ALL_APPLIED_HEADLINE = '项目变更的约定事项未全部执行，请核对';

/** The timeline label and the mail headline of every step of the process. */
export const CHANGE_STEP_WORDING = {
  reply: {
    label: '书面答复',
    headline: '项目变更已收到书面答复',
  },
  withdraw: {
    label: '撤回',
    headline: '项目变更已由提出方撤回',
  },
  confirm: {
    label: '书面确认',
    headline: '项目变更已书面确认（变更确认单）',
  },
  'start-implementation': {
    label: '开始实施',
    headline: '项目变更已开始实施',
  },
  archive: {
    label: '更新配置文档',
    headline: '项目变更的配置文档已更新归档，请核对',
  },
  close: {
    label: '关闭',
    headline: '项目变更已完成并关闭',
  },
  proposed: {
    label: '提出变更',
    headline: '收到新的项目变更',
  },
  replies_requested: {
    label: '请求书面答复',
    headline: '收到项目变更申请，请在{replyWithin}书面答复',
  },
  reply_reminder: {
    label: '答复到期提醒',
    headline: '项目变更书面答复即将到期',
  },
  agreed: {
    label: '三方同意',
    headline: '项目变更已获三方同意，待乙方书面确认',
  },
  rejected: {
    label: '未获同意',
    headline: '项目变更未获同意，按原合同执行',
  },
  lapsed: {
    label: '答复超期',
    headline: '项目变更答复期限已到，有一方未答复，按原合同执行',
  },
  effects_applied: {
    label: '变更生效',
    headline: '项目变更的约定事项已执行',
  },
  deadlines_recomputed: {
    label: '按正式节假日重算期限',
    headline: '项目变更答复期限已按正式节假日安排重新计算',
  },
} as const satisfies Readonly<Record<ChangeStep, { label: string; headline: string }>>;

/** The reply period a change mail names: the contract's working days, or its deadline. */
export function replyWithin(replyWorkingDays?: number): string {
  return replyWorkingDays ? ` ${replyWorkingDays} 个工作日内` : '答复期限内';
}
