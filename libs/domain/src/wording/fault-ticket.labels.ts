import type {
  FaultAction,
  FaultEvent,
  FaultLevel,
  FaultStatus,
  PauseReason,
  SlaClock,
} from '@luyue/fault-ticket/definitions';

export const FAULT_LEVEL_LABELS: Readonly<Record<FaultLevel, string>> = {
  level_1: '一级',
  level_2: '二级',
  level_3: '三级',
  level_4: '四级',
};

export const FAULT_STATUS_LABELS: Readonly<Record<FaultStatus, string>> = {
  reported: '待响应',
  acknowledged: '处理中',
  on_site: '已到场',
  restored: '已恢复',
  resolved: '已解决待报告',
  report_submitted: '报告待签字',
  closed: '已签字关闭',
};

export const SLA_CLOCK_LABELS: Readonly<Record<SlaClock, string>> = {
  response: '响应',
  onsite: '到场',
  recovery: '恢复',
  report: '报告',
};

export const PAUSE_REASON_LABELS: Readonly<Record<PauseReason, string>> = {
  waiting_hospital: '等待院方',
  waiting_supplier: '等待院方指定的第三方厂商',
};

/** The documents a report clock may ask for, by the policy's key. */
export const FAULT_REPORT_NAMES: Readonly<Record<string, string>> = {
  root_cause: '根因分析报告',
  handling: '故障处理报告',
  service: '售后服务报告',
};

export const FAULT_COVERAGE_LABELS: Readonly<Record<string, string>> = {
  working_hours: '工作时间',
  round_the_clock: '7×24',
};

/** Every step's label (pages, timeline, audit) and mail headline. */
export const FAULT_STEP_WORDING: Readonly<
  Record<FaultAction | FaultEvent, { label: string; headline: string }>
> = {
  reported: { label: '报告故障', headline: '有新的故障工单，请及时响应' },
  acknowledge: { label: '响应', headline: '乙方已响应故障' },
  arrive: { label: '到场', headline: '乙方工程师已到场' },
  restore: { label: '恢复服务', headline: '乙方已恢复服务' },
  resolve: { label: '处理完成', headline: '乙方已完成故障处理，待提交报告' },
  'submit-report': { label: '提交报告', headline: '乙方已提交故障报告，请确认签字' },
  sign: { label: '签字确认', headline: '院方已签字确认售后服务报告' },
  reopen: { label: '重新打开', headline: '院方未确认修复，故障工单已重新打开' },
  'confirm-level': { label: '确认故障级别', headline: '院方已确认（或更正）故障级别' },
  pause: { label: '暂停计时', headline: '故障工单申请或开始暂停计时' },
  'confirm-pause': { label: '确认暂停', headline: '院方已确认暂停计时' },
  'refuse-pause': { label: '不同意暂停', headline: '院方不同意暂停计时' },
  resume: { label: '恢复计时', headline: '故障工单已恢复计时' },
  'request-extension': { label: '申请延期', headline: '乙方申请延长时限，请审批' },
  'grant-extension': { label: '同意延期', headline: '院方已同意延长时限' },
  'refuse-extension': { label: '不同意延期', headline: '院方不同意延长时限' },
  clock_warning: { label: '时限预警', headline: '故障处理时限即将到期' },
  clock_breached: { label: '超时', headline: '故障处理已超出约定时限' },
  clocks_recomputed: { label: '重新计算时限', headline: '节假日安排更新，时限已重新计算' },
};

/** Ticket page and list words. */
export const FAULT_TICKET_TERMS = {
  ticket: '故障工单',
  tickets: '故障工单',
  number: '工单编号',
  system: '系统',
  level: '故障级别',
  title: '故障现象',
  description: '详细描述',
  reportedAt: '报告时间',
  reportedBy: '报告人',
  status: '状态',
  clock: '时限',
  budget: '约定时限',
  due: '到期时间',
  counted: '已计时（分钟）',
  met: '达标',
  breached: '超时',
  overrun: '超时（分钟）',
  paused: '已暂停',
  running: '计时中',
  cause: '故障原因',
  solution: '处理措施',
  report: '报告文件',
  ledger: '故障台账',
  figures: '故障统计',
  attainment: '达标率',
  overruns: '超时次数',
  medianRestore: '恢复用时中位数（分钟）',
  p90Restore: '恢复用时 P90（分钟）',
  majorBreach: '重大违约',
  majorBreachWarning: '接近重大违约阈值',
} as const;

const FAULT_LEDGER_WORDS = { doneAt: '完成时间', pauses: '暂停次数' } as const;

const clockColumns = (clock: string) => ({
  due: `${clock}${FAULT_TICKET_TERMS.due}`,
  doneAt: `${clock}${FAULT_LEDGER_WORDS.doneAt}`,
  met: `${clock}${FAULT_TICKET_TERMS.met}`,
  overrun: `${clock}${FAULT_TICKET_TERMS.overrun}`,
});

/** The columns of the fault ledger (故障台账): the ticket, then each clock, then how it ended. */
export const FAULT_LEDGER_HEADERS = {
  number: FAULT_TICKET_TERMS.number,
  system: FAULT_TICKET_TERMS.system,
  level: FAULT_TICKET_TERMS.level,
  title: FAULT_TICKET_TERMS.title,
  reportedAt: FAULT_TICKET_TERMS.reportedAt,
  status: FAULT_TICKET_TERMS.status,
  clocks: {
    response: clockColumns(SLA_CLOCK_LABELS.response),
    onsite: clockColumns(SLA_CLOCK_LABELS.onsite),
    recovery: clockColumns(SLA_CLOCK_LABELS.recovery),
    report: clockColumns(SLA_CLOCK_LABELS.report),
  } satisfies Record<SlaClock, ReturnType<typeof clockColumns>>,
  pauses: FAULT_LEDGER_WORDS.pauses,
  cause: FAULT_TICKET_TERMS.cause,
  solution: FAULT_TICKET_TERMS.solution,
} as const;

/** The days a clock's coverage counts on (the calendar's `CoverageDays`). */
export const COVERAGE_DAYS_LABELS: Readonly<Record<'working' | 'all', string>> = {
  working: '工作日',
  all: '每日',
};

/** A clock's deadline as 工作台 names it. */
export const faultClockDueLabel = (clock: SlaClock): string => `${SLA_CLOCK_LABELS[clock]}时限`;

/** The console's fault-ticket forms: each field's label. */
export const FAULT_FORM_LABELS = {
  system: '系统',
  level: '故障级别',
  title: '故障现象',
  description: '详细描述',
  reportedAt: '来电时间（电话报障）',
  note: '说明',
  reason: '原因',
  cause: '故障原因',
  solution: '处理措施',
  pauseReason: '暂停原因',
  pauseNote: '暂停说明',
  supplier: '第三方厂商',
  clock: '延期时限',
  minutes: '延长（计时分钟）',
} as const;

/** The few words of the fault-ticket pages beyond the terms. */
export const FAULT_PAGE_WORDS = {
  reportedAtHint: '默认为当前时间；记录电话报障时填写来电时间',
  supplierHint: '暂停原因为等待第三方厂商时必填',
  pendingPause: '待院方确认的暂停',
  pendingExtension: '待审批的延期申请',
  extended: '已延期（分钟）',
  levelUnconfirmed: '待院方确认',
} as const;

/** The flash after a ticket was reported. */
export const faultReportedFlash = (number: string): string => `已报告故障，工单编号 ${number}`;

/** How a clock's budget is given on the SLA policy form (`off`: an optional clock not run). */
export const SLA_BUDGET_KIND_LABELS: Readonly<Record<'minutes' | 'end_of_day' | 'off', string>> = {
  minutes: '计时分钟',
  end_of_day: '当日工作时间结束前',
  off: '不设此时限',
};

/** The SLA policy page: its words and each field's label. */
export const SLA_POLICY_WORDS = {
  title: 'SLA 策略',
  link: '编辑 SLA 策略',
  version: '当前版本',
  defaultTerms: '默认条款（尚未编辑）',
  versionOf: '第 {n} 版',
  appliesNote: '保存后生成新版本，仅适用于此后报告的故障；已报告的工单仍按原版本计时。',
  coverages: '计时范围',
  budgetKind: '时限方式',
  minutes: '约定时限（计时分钟）',
  coverage: '计时范围',
  warnPercent: '预警点（已用时限百分比）',
  warnPercentHint: '以逗号分隔，如 50,80；留空则不按百分比预警',
  warnMinutes: '预警点（到期前计时分钟）',
  warnMinutesHint: '以逗号分隔，如 10；留空则不按提前分钟预警',
  reportName: '报告名称',
  save: '保存为新版本',
} as const;

/** The policy version as the page names it. */
export const slaPolicyVersionLabel = (version: number | null): string =>
  version === null
    ? SLA_POLICY_WORDS.defaultTerms
    : SLA_POLICY_WORDS.versionOf.replace('{n}', String(version));

/** The flash after a policy was saved. */
export const slaPolicySavedFlash = (version: number): string =>
  `SLA 策略已保存为第 ${version} 版，此后报告的故障按新版本计时`;
