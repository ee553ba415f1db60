import type {
  ChangeEffectType,
  ChangeStatus,
  ChangeType,
  EffectResult,
  ReplyChannel,
  ReplyDecision,
} from '../change/change-request.types';

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
};

export const EFFECT_OUTCOME_LABELS: Record<EffectResult['outcome'], string> = {
  applied: '已执行',
  refused: '未执行',
};

/** The effects mail's headline when not every effect was applied. */
export const EFFECTS_NOT_ALL_APPLIED_HEADLINE = '项目变更的约定事项未全部执行，请核对';
