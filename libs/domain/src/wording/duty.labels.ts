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
  withdrawn: { label: '随计划变更撤销', headline: '运维计划已按项目变更调整，该任务已撤销' },
  unscheduled: {
    label: '节假日调整后取消',
    headline: '正式节假日安排公布后，该任务对应的节假日已不存在，任务已取消',
  },
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
  signerRole: '签字方',
  itemNote: '说明',
  signatures: '签字',
  signedHash: '签字时记录摘要',
  provisional: '（按暂定节假日安排计算）',
  late: '逾期',
  noRecord: '尚未提交记录',
  openFault: '报故障',
  faultOpened: '已报故障',
  openRequirement: '提需求',
  requirementOpened: '已提需求',
  active: '执行中',
  stopped: '已停止',
  newPlan: '新建运维计划',
  generated: '已生成',
  recordedBy: '记录人',
  recordedAt: '记录时间',
  signedBy: '签字人',
  signedAt: '签字时间',
  via: '方式',
  refusal: '退回原因',
  print: '打印巡检报告',
  export: '导出台账（XLSX）',
  figures: '统计',
  due: '应完成',
  done: '已完成（已签字）',
  missed: '未完成',
  upcoming: '未到期',
  completion: '完成率',
  target: '目标 100%',
  holidayMisses: '节假日保障缺失',
  holidayLimit: '每年至多 1 次',
  total: '合计',
  unsignedNotDone: '未签字确认的视为未完成',
  signatureBlock: '签字栏',
  year: '合同年度',
  month: '月份',
  noItems: '暂无运维任务',
  history: '处理记录',
  monthly: '月度汇总',
  vendorLead: '乙方负责人',
  onsiteEngineer: '驻场工程师',
  hospitalSign: '甲方（信息科）',
  signHere: '签字：',
  date: '日期：',
} as const;

export const DUTY_SIGN_VIA_LABELS: Readonly<Record<'console' | 'link', string>> = {
  console: '控制台',
  link: '邮件链接',
};

/** Labels of the plan form's fields, by the field's name. */
export const DUTY_PLAN_FIELDS = {
  kind: '类别',
  customKind: '自定义类别名称',
  title: '名称',
  systems: '涉及系统',
  'cadence.type': '周期',
  'cadence.day': '日（1–31）',
  'cadence.month': '季度内第几个月（1–3）',
  'cadence.weekday': '星期',
  'cadence.times': '每年次数',
  'cadence.workingDaysBefore': '节前第几个工作日',
  'cadence.dates': '指定日期（每行一个 YYYY-MM-DD）',
  windowDays: '可提前执行天数（留空：本周期内）',
  'deadline.workingDays': '记录/报告截止：执行日后第几个工作日（0 为当天）',
  'deadline.time': '截止时刻（HH:mm，留空为当天 24:00）',
  reminderWorkingDays: '截止前几个工作日提醒（0 为不提醒）',
  checklist: '检查项（每行一项：检查内容 | 期望结果）',
  signers: '签字人',
} as const;

export const WEEKDAY_LABELS: Readonly<Record<string, string>> = {
  '1': '星期一',
  '2': '星期二',
  '3': '星期三',
  '4': '星期四',
  '5': '星期五',
  '6': '星期六',
  '7': '星期日',
};

/** Labels of the step forms' fields. */
export const DUTY_STEP_FIELDS = {
  summary: '总体说明',
  result: '结果',
  note: '说明',
  signNote: '签字意见（可选）',
  reason: '原因',
  files: '报告文件',
  level: '故障级别',
  confirmCancel: '确认取消该任务（不可撤销）',
} as const;

export const dutyPlanCreatedFlash = (generated: number): string =>
  `已创建运维计划，生成 ${generated} 个运维任务`;

/** The duty ledger's columns. */
export const DUTY_LEDGER_HEADERS = {
  sheet: '例行运维台账',
  number: '任务编号',
  kind: '类别',
  title: '名称',
  systems: '系统',
  dueDay: '执行日',
  recordDueAt: '记录截止',
  status: '状态',
  recordedAt: '记录时间',
  abnormal: '异常项数',
  signatures: '签字',
  doneAt: '完成时间',
  late: '逾期',
} as const;

/** A checklist item's label on the record form. */
export const dutyItemLabel = (text: string, expected: string): string =>
  expected ? `${text}（期望：${expected}）` : text;
export const dutyItemNoteLabel = (text: string): string => `${text} · 说明（异常时必填）`;
export const dutyItemFilesLabel = (text: string): string => `${text} · 附件`;

/** Where a follow-up came from, on its page. */
export const dutyBacklinkLabel = (number: string, title: string): string =>
  `来自例行运维 ${number} ${title}（异常检查项）`;
