import type {
  CheckResult,
  DutyAction,
  DutyCadence,
  DutyEvent,
  DutyKind,
  DutySignerRole,
  DutyStatus,
} from '@luyue/duty/definitions';

export const DUTY_KIND_LABELS: Readonly<Record<DutyKind, string>> = {
  inspection: '巡检',
  backup_check: '备份检查',
  drill: '应急演练',
  holiday_duty: '节假日保障',
  report: '报告',
  custom: '其他',
};

export const DUTY_STATUS_LABELS: Readonly<Record<DutyStatus, string>> = {
  open: '待执行',
  recorded: '待签字',
  returned: '已退回',
  signed: '已签字完成',
  cancelled: '已取消',
};

export const DUTY_CADENCE_LABELS: Readonly<Record<DutyCadence['type'], string>> = {
  monthly: '每月',
  quarterly: '每季度',
  times_a_year: '每年若干次',
  weekly: '每周',
  before_holidays: '法定节假日前',
  during_holidays: '法定节假日期间',
  dates: '指定日期',
};

export const CHECK_RESULT_LABELS: Readonly<Record<CheckResult, string>> = {
  normal: '正常',
  abnormal: '异常',
};

export const DUTY_SIGNER_LABELS: Readonly<Record<DutySignerRole, string>> = {
  hospital_manager: '信息科负责人',
  hospital_staff: '使用科室',
};

/** Every step's label (pages, timeline, audit) and mail headline. */
export const DUTY_STEP_WORDING: Readonly<
  Record<DutyAction | DutyEvent, { label: string; headline: string }>
> = {
  record: { label: '提交记录', headline: '乙方已提交运维记录，请签字确认' },
  sign: { label: '签字确认', headline: '院方已签字确认运维记录' },
  refuse: { label: '退回', headline: '院方退回了运维记录，请修改后重新提交' },
  cancel: { label: '取消', headline: '院方已取消该例行运维任务' },
  reminded: { label: '到期提醒', headline: '例行运维任务即将到期' },
  breached: { label: '逾期', headline: '例行运维任务的记录已逾期' },
  rescheduled: { label: '重新排期', headline: '节假日安排更新，任务日期已重新计算' },
};

/** Duty pages, list and mail words. */
export const DUTY_TERMS = {
  duties: '例行运维',
  plans: '运维计划',
  plan: '运维计划',
  occurrence: '运维任务',
  number: '任务编号',
  kind: '类别',
  title: '名称',
  systems: '系统',
  cadence: '周期',
  windowStart: '可执行起始日',
  dueDay: '执行日',
  recordDueAt: '记录截止',
  status: '状态',
  checklist: '检查项',
  expected: '期望结果',
  result: '结果',
  summary: '总体说明',
  reportFiles: '报告文件',
  signers: '签字人',
  signatures: '签字',
  signedHash: '签字时记录摘要',
  provisional: '（按暂定节假日安排计算）',
  late: '逾期',
  noRecord: '尚未提交记录',
  openFault: '报故障',
} as const;
