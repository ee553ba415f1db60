import type { ProcessTable } from '../process/process-table.types';
import { EFFECTS_NOT_ALL_APPLIED_HEADLINE } from '../wording/change-request.labels';
import {
  CHANGE_ACTIONS,
  type ChangeAction,
  type ChangeEvent,
  type ChangeRequestState,
  type ChangeStatus,
} from './change-request.types';

/**
 * Who hears about a step: roles of the contract's parties, the proposer, or the deciding users
 * of the parties whose reply is still due (each gets a personal reply link).
 */
export type ChangeRecipient =
  | 'hospital_manager'
  | 'vendor_pm'
  | 'vendor_dev'
  | 'supervisor'
  | 'hospital_staff'
  | 'proposer'
  | 'pending_deciders';

export type ChangeStep = ChangeAction | ChangeEvent | 'proposed';

const EVERY_PARTY = ['hospital_manager', 'vendor_pm', 'supervisor', 'proposer'] as const;

/**
 * Change requests (项目变更, rule 3): every action and event in one place. A reply's next state
 * is decided by the replies so far (agreed, rejected or still waiting), hence `to: null`.
 */
export const CHANGE_PROCESS: ProcessTable<
  ChangeStatus,
  ChangeAction,
  ChangeEvent | 'proposed',
  ChangeRecipient
> = {
  order: CHANGE_ACTIONS,
  actions: {
    reply: {
      roles: ['hospital_manager', 'vendor_pm', 'supervisor'],
      from: ['awaiting_replies'],
      to: null,
      notify: ['proposer'],
      label: '书面答复',
      headline: '项目变更已收到书面答复',
    },
    withdraw: {
      roles: ['hospital_staff', 'hospital_manager', 'vendor_pm', 'supervisor'],
      from: ['awaiting_replies'],
      to: 'withdrawn',
      notify: [...EVERY_PARTY],
      label: '撤回',
      headline: '项目变更已由提出方撤回',
    },
    confirm: {
      roles: ['vendor_pm'],
      from: ['agreed'],
      to: 'confirmed',
      notify: [...EVERY_PARTY],
      label: '书面确认',
      headline: '项目变更已书面确认（变更确认单）',
    },
    'start-implementation': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['confirmed'],
      to: 'implementing',
      notify: ['hospital_manager', 'supervisor', 'proposer'],
      label: '开始实施',
      headline: '项目变更已开始实施',
    },
    archive: {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['implementing'],
      to: 'archiving',
      notify: ['hospital_manager', 'supervisor'],
      label: '更新配置文档',
      headline: '项目变更的配置文档已更新归档，请核对',
    },
    close: {
      roles: ['vendor_pm', 'supervisor'],
      from: ['archiving'],
      to: 'closed',
      notify: [...EVERY_PARTY],
      label: '关闭',
      headline: '项目变更已完成并关闭',
    },
  },
  events: {
    proposed: { notify: [], label: '提出变更', headline: '收到新的项目变更' },
    replies_requested: {
      notify: ['pending_deciders'],
      label: '请求书面答复',
      // {replyWithin}: the contract's reply period, filled in by changeHeadline.
      headline: '收到项目变更申请，请在{replyWithin}书面答复',
    },
    reply_reminder: {
      notify: ['pending_deciders'],
      label: '答复到期提醒',
      headline: '项目变更书面答复即将到期',
    },
    agreed: {
      notify: [...EVERY_PARTY],
      label: '三方同意',
      headline: '项目变更已获三方同意，待乙方书面确认',
    },
    rejected: {
      notify: [...EVERY_PARTY],
      label: '未获同意',
      headline: '项目变更未获同意，按原合同执行',
    },
    lapsed: {
      notify: [...EVERY_PARTY],
      label: '答复超期',
      headline: '项目变更答复期限已到，有一方未答复，按原合同执行',
    },
    effects_applied: {
      notify: ['hospital_manager', 'vendor_pm'],
      label: '变更生效',
      headline: '项目变更的约定事项已执行',
    },
    deadlines_recomputed: {
      notify: [],
      label: '按正式节假日重算期限',
      headline: '项目变更答复期限已按正式节假日安排重新计算',
    },
  },
};

export function changeStep(step: ChangeStep): (typeof CHANGE_PROCESS.events)[ChangeEvent] {
  return Object.hasOwn(CHANGE_PROCESS.actions, step)
    ? CHANGE_PROCESS.actions[step as ChangeAction]
    : CHANGE_PROCESS.events[step as ChangeEvent | 'proposed'];
}

/**
 * The headline of a step's mail: the reply period the change was given (its contract's setting
 * when proposed), and an honest word when an effect was refused.
 */
export function changeHeadline(
  step: ChangeStep,
  state: Pick<ChangeRequestState, 'effectResults'>,
  replyWorkingDays?: number,
): string {
  if (step === 'effects_applied' && state.effectResults?.some((r) => r.outcome !== 'applied')) {
    return EFFECTS_NOT_ALL_APPLIED_HEADLINE;
  }
  const within = replyWorkingDays ? ` ${replyWorkingDays} 个工作日内` : '答复期限内';
  return changeStep(step).headline.replace('{replyWithin}', within);
}

/** zh-CN name of an audited step (`change_request.<step>`); the raw name when unknown. */
export function changeStepLabel(step: string): string {
  const known =
    Object.hasOwn(CHANGE_PROCESS.actions, step) || Object.hasOwn(CHANGE_PROCESS.events, step);
  return known ? changeStep(step as ChangeStep).label : step;
}
