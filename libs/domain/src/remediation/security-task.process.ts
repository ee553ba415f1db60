import type { ProcessTable } from '../process/process-table.types';
import type { Role } from '../role.types';
import {
  REMEDIATION_ACTIONS,
  type RemediationAction,
  type RemediationEvent,
  type RemediationStatus,
} from './security-task.types';

/** Who hears about a step: roles of the contract's hospital and vendor. */
export type RemediationRecipient = Extract<
  Role,
  'hospital_manager' | 'hospital_staff' | 'vendor_pm' | 'vendor_dev'
>;

/**
 * `notice_issued` is recorded once per notice by the import (one mail for all its tasks), not
 * by a task's workflow; it is here so its recipients and wording are written once.
 */
export type RemediationStep = RemediationAction | RemediationEvent | 'notice_issued';

const VENDOR = ['vendor_pm', 'vendor_dev'] as const;
const HOSPITAL = ['hospital_manager', 'hospital_staff'] as const;
const WORKING = ['open', 'in_progress', 'reopened'] as const;

/**
 * Security remediation (rule 4): every action and event in one place. `fix` and `verify` act
 * per asset line, so their next state depends on the other lines (`to: null`); a refused false
 * positive returns to the state before the proposal.
 */
export const REMEDIATION_PROCESS: ProcessTable<
  RemediationStatus,
  RemediationAction,
  RemediationEvent | 'notice_issued',
  RemediationRecipient
> = {
  order: REMEDIATION_ACTIONS,
  actions: {
    start: {
      roles: [...VENDOR],
      from: ['open', 'reopened'],
      to: 'in_progress',
      notify: ['hospital_manager'],
      label: '开始整改',
      headline: '乙方已开始整改安全问题',
    },
    fix: {
      roles: [...VENDOR],
      from: [...WORKING],
      to: null,
      notify: ['hospital_manager'],
      label: '提交整改证明',
      headline: '乙方已提交整改说明及证明材料',
    },
    'request-retest': {
      roles: [...VENDOR],
      from: ['fixed'],
      to: 'retest_requested',
      notify: [...HOSPITAL],
      label: '申请复验',
      headline: '乙方已完成整改并申请复验，请按期复验',
    },
    verify: {
      roles: [...HOSPITAL],
      from: ['retest_requested'],
      to: null,
      notify: [...VENDOR, 'hospital_manager'],
      label: '复验通过',
      headline: '安全整改复验通过',
    },
    'fail-retest': {
      roles: [...HOSPITAL],
      from: ['retest_requested'],
      to: 'reopened',
      notify: [...VENDOR, 'hospital_manager'],
      label: '复验未通过',
      headline: '复验未通过，请重新整改（整改期限自复验之日起重新计算）',
    },
    'accept-risk': {
      roles: ['hospital_manager'],
      from: [...WORKING],
      to: 'risk_accepted',
      notify: [...VENDOR, 'hospital_staff'],
      label: '接受风险',
      headline: '甲方已在有效期内接受该低危或信息级风险',
    },
    'propose-false-positive': {
      roles: [...VENDOR],
      from: [...WORKING],
      to: 'false_positive_proposed',
      notify: ['hospital_manager'],
      label: '申请认定误报',
      headline: '乙方申请将该问题认定为误报，请确认',
    },
    'confirm-false-positive': {
      roles: ['hospital_manager'],
      from: ['false_positive_proposed'],
      to: 'false_positive',
      notify: [...VENDOR],
      label: '确认误报',
      headline: '甲方已确认误报，该整改项关闭',
    },
    'refuse-false-positive': {
      roles: ['hospital_manager'],
      from: ['false_positive_proposed'],
      to: null,
      notify: [...VENDOR],
      label: '不认可误报',
      headline: '甲方不认可误报，请继续整改',
    },
  },
  events: {
    notice_issued: {
      notify: [...VENDOR],
      label: '下发安全整改通知单',
      headline: '收到安全整改通知单，请在期限内整改并申请复验',
    },
    issued: { notify: [], label: '下发整改项', headline: '安全整改项已下发' },
    fix_reminder: {
      notify: [...VENDOR],
      label: '整改到期提醒',
      headline: '安全整改期限即将到期，请按期整改并申请复验',
    },
    fix_breached: {
      notify: [...VENDOR, 'hospital_manager'],
      label: '整改超期',
      headline: '安全整改已超过期限，超期已记录',
    },
    retest_reminder: {
      notify: [...HOSPITAL],
      label: '复验到期提醒',
      headline: '复验期限即将到期，请按期复验',
    },
    retest_overdue: {
      notify: ['hospital_manager'],
      label: '复验超期',
      headline: '甲方复验已超过约定期限',
    },
    retest_imported: {
      notify: [...VENDOR, 'hospital_manager'],
      label: '导入复测结果',
      headline: '复测结果已导入整改项',
    },
    risk_expired: {
      notify: [...VENDOR, 'hospital_manager'],
      label: '风险接受到期',
      headline: '风险接受已到期，整改项重新打开，请整改',
    },
    deadlines_recomputed: {
      notify: [],
      label: '按正式节假日重算期限',
      headline: '整改与复验期限已按正式节假日安排重新计算',
    },
  },
};

export function remediationStep(
  step: RemediationStep,
): (typeof REMEDIATION_PROCESS.events)[RemediationEvent] {
  return Object.hasOwn(REMEDIATION_PROCESS.actions, step)
    ? REMEDIATION_PROCESS.actions[step as RemediationAction]
    : REMEDIATION_PROCESS.events[step as RemediationEvent | 'notice_issued'];
}

/** zh-CN name of an audited step (`security_task.<step>`); the raw name when unknown. */
export function remediationStepLabel(step: string): string {
  const known =
    Object.hasOwn(REMEDIATION_PROCESS.actions, step) ||
    Object.hasOwn(REMEDIATION_PROCESS.events, step);
  return known ? remediationStep(step as RemediationStep).label : step;
}
