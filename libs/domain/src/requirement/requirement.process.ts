import type { Role } from '../role.types';
import type { ProcessTable } from '../process/process-table.types';
import {
  REQUIREMENT_ACTIONS,
  type RequirementAction,
  type RequirementEvent,
  type RequirementStatus,
} from './requirement.types';

/** Who hears about a step: roles of the contract's parties, or the person who submitted it. */
export type RequirementRecipient = Role | 'submitter';

/** Steps the timeline shows: the actions, the workflow's events and the api's receipt. */
export type RequirementStep = RequirementAction | RequirementEvent | 'submitted';

const DELIVERING = ['approved', 'in_development', 'in_testing', 'testing_passed'] as const;

/** States in which the planned delivery date is being worked towards. */
export const DELIVERY_STATUSES: readonly RequirementStatus[] = DELIVERING;

/**
 * Customization requests (需求定制类, rule 1): every action and event, in one place. The api's
 * routes and roles, the workflow's checks, the mail and the pages all read this table.
 */
export const REQUIREMENT_PROCESS: ProcessTable<
  RequirementStatus,
  RequirementAction,
  RequirementEvent | 'submitted',
  RequirementRecipient
> = {
  order: REQUIREMENT_ACTIONS,
  actions: {
    assess: {
      roles: ['vendor_pm'],
      from: ['assessing'],
      to: 'awaiting_approval',
      notify: ['hospital_manager', 'submitter'],
      label: '技术评估',
      headline: '需求技术评估已完成，请审批',
    },
    approve: {
      roles: ['hospital_manager'],
      from: ['awaiting_approval'],
      to: 'approved',
      notify: ['vendor_pm', 'vendor_dev', 'submitter'],
      label: '批准',
      headline: '需求已批准，可以开始开发',
    },
    // Also after approval, before development starts; a reservation is then released.
    reject: {
      roles: ['hospital_manager'],
      from: ['awaiting_approval', 'approved'],
      to: 'rejected',
      notify: ['vendor_pm', 'submitter'],
      label: '驳回',
      headline: '需求已驳回',
    },
    'start-development': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['approved'],
      to: 'in_development',
      notify: ['submitter'],
      label: '开始开发',
      headline: '需求已开始开发',
    },
    'log-effort': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['in_development', 'in_testing'],
      to: null,
      notify: [],
      label: '登记工作量',
      headline: '已登记工作量',
    },
    'submit-for-testing': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['in_development'],
      to: 'in_testing',
      notify: ['hospital_staff', 'hospital_manager', 'submitter'],
      label: '提交测试',
      headline: '需求已提交测试，请进行用户验收测试（UAT）',
    },
    'pass-testing': {
      roles: ['hospital_staff', 'hospital_manager'],
      from: ['in_testing'],
      to: 'testing_passed',
      notify: ['vendor_pm'],
      label: '测试通过',
      headline: '需求测试已通过，可以发布',
    },
    'fail-testing': {
      roles: ['hospital_staff', 'hospital_manager'],
      from: ['in_testing'],
      to: 'in_development',
      notify: ['vendor_pm', 'vendor_dev'],
      label: '测试未通过',
      headline: '需求测试未通过，请修改后重新提交',
    },
    release: {
      roles: ['vendor_pm'],
      from: ['testing_passed'],
      to: 'released',
      notify: ['hospital_manager', 'submitter'],
      label: '发布',
      headline: '需求已发布，请验收并签署需求验收确认单',
    },
    accept: {
      roles: ['hospital_manager'],
      from: ['released'],
      to: 'accepted',
      notify: ['vendor_pm', 'submitter'],
      label: '验收',
      headline: '需求已验收',
    },
    replan: {
      roles: ['vendor_pm'],
      from: DELIVERING,
      to: null,
      notify: ['hospital_manager', 'submitter'],
      label: '调整计划交付日期',
      headline: '需求计划交付日期已调整',
    },
    // Only before release: once released, the hospital signs off (or fails it in a new request).
    cancel: {
      roles: ['hospital_manager'],
      from: ['assessing', 'awaiting_approval', ...DELIVERING],
      to: 'cancelled',
      notify: ['vendor_pm', 'vendor_dev', 'submitter'],
      label: '取消',
      headline: '需求已取消',
    },
  },
  events: {
    submitted: { notify: [], label: '提交需求', headline: '收到新的需求' },
    assessment_scheduled: {
      notify: ['vendor_pm'],
      label: '开始评估计时',
      headline: '收到新的需求，请在期限内完成技术评估',
    },
    deadlines_recomputed: {
      notify: [],
      label: '按正式节假日重算期限',
      headline: '需求期限已按正式节假日安排重新计算',
    },
    assessment_reminder: {
      notify: ['vendor_pm'],
      label: '评估到期提醒',
      headline: '需求技术评估即将到期',
    },
    assessment_breached: {
      notify: ['hospital_manager', 'vendor_pm'],
      label: '评估超期',
      headline: '需求技术评估已超期',
    },
    delivery_reminder: {
      notify: ['vendor_pm'],
      label: '交付到期提醒',
      headline: '需求计划交付日期临近，如需延期请至少提前一周告知',
    },
    delivery_overdue: {
      notify: ['hospital_manager', 'vendor_pm'],
      label: '交付超期',
      headline: '需求已超过计划交付日期',
    },
    signoff_reminder: {
      notify: ['hospital_manager', 'submitter'],
      label: '验收提醒',
      headline: '需求已发布，请尽快验收签字',
    },
  },
};

/** The rule of any step, action or event. */
export function requirementStep(
  step: RequirementStep,
): (typeof REQUIREMENT_PROCESS.events)[RequirementEvent] {
  return Object.hasOwn(REQUIREMENT_PROCESS.actions, step)
    ? REQUIREMENT_PROCESS.actions[step as RequirementAction]
    : REQUIREMENT_PROCESS.events[step as RequirementEvent | 'submitted'];
}

/** zh-CN name of an audited step (`requirement.<step>`); the raw name when unknown. */
export function requirementStepLabel(step: string): string {
  const known =
    Object.hasOwn(REQUIREMENT_PROCESS.actions, step) ||
    Object.hasOwn(REQUIREMENT_PROCESS.events, step);
  return known ? requirementStep(step as RequirementStep).label : step;
}
