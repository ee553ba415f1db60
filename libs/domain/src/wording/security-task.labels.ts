import type {
  RemediationStep,
  FixCause,
  LineStatus,
  RemediationBreachKind,
  RemediationStatus,
  RetestRound,
} from '@luyue/security/definitions';
export const REMEDIATION_STATUS_LABELS: Readonly<Record<RemediationStatus, string>> = {
  open: '待整改',
  in_progress: '整改中',
  fixed: '已整改待申请复验',
  retest_requested: '待复验',
  verified: '复验通过',
  reopened: '重新整改',
  risk_accepted: '已接受风险',
  false_positive_proposed: '误报待确认',
  false_positive: '误报',
};

export const LINE_STATUS_LABELS: Readonly<Record<LineStatus, string>> = {
  open: '待整改',
  fixed: '已整改',
  fixed_by_retest: '复测已消除',
  verified: '复验通过',
};

export const FIX_CAUSE_LABELS: Readonly<Record<FixCause, string>> = {
  issued: '整改通知单下发',
  retest_failed: '复验未通过',
  retest_import: '复测仍发现',
  risk_expired: '风险接受到期',
};

export const REMEDIATION_BREACH_LABELS: Readonly<Record<RemediationBreachKind, string>> = {
  fix_overdue: '整改及申请复验超期',
};

export const RETEST_OUTCOME_LABELS: Readonly<Record<NonNullable<RetestRound['outcome']>, string>> =
  {
    verified: '复验通过',
    failed: '复验未通过',
  };

/** What the last retest import said about an asset line; `by` names the import as the actor. */
export const RETEST_IMPORT_LABELS: Readonly<Record<'gone' | 'present' | 'by', string>> = {
  gone: '复测已消除',
  present: '复测仍存在',
  by: '复测报告',
};

/** The 整改报告's header, summary and signature wording (printable page and XLSX). */
export const RECTIFICATION_REPORT_LABELS = {
  title: '安全整改报告',
  number: '整改通知单编号',
  noticeTitle: '通知单标题',
  assessor: '测评/检测机构',
  source: '来源',
  issued: '下发日期',
  generated: '生成时间',
  issuedItems: '下发整改项',
  completed: '已完成（复验通过及确认误报）',
  rate: '安全整改完成率',
  riskAccepted: '风险接受（不计入已完成）',
  attestation: '按甲方出具的安全整改通知单逐项核验，以上整改项的整改情况与复验结果属实。',
  hospitalSign: '甲方（签字/盖章）',
  vendorSign: '乙方（签字/盖章）',
  date: '日期：',
} as const;

/** What a mail calls the deadline it names. */
export const MAIL_DEADLINE_LABELS: Readonly<Record<'fix' | 'retest', string>> = {
  fix: '整改期限',
  retest: '复验期限',
};

/** The timeline label and the mail headline of every step of the process. */
export const REMEDIATION_STEP_WORDING = {
  start: {
    label: '开始整改',
    headline: '乙方已开始整改安全问题',
  },
  fix: {
    label: '提交整改证明',
    headline: '乙方已提交整改说明及证明材料',
  },
  'request-retest': {
    label: '申请复验',
    headline: '乙方已完成整改并申请复验，请按期复验',
  },
  verify: {
    label: '复验通过',
    headline: '安全整改复验通过',
  },
  'fail-retest': {
    label: '复验未通过',
    headline: '复验未通过，请重新整改（整改期限自复验之日起重新计算）',
  },
  'accept-risk': {
    label: '接受风险',
    headline: '甲方已在有效期内接受该低危或信息级风险',
  },
  'propose-false-positive': {
    label: '申请认定误报',
    headline: '乙方申请将该问题认定为误报，请确认',
  },
  'confirm-false-positive': {
    label: '确认误报',
    headline: '甲方已确认误报，该整改项关闭',
  },
  'refuse-false-positive': {
    label: '不认可误报',
    headline: '甲方不认可误报，请继续整改',
  },
  notice_issued: {
    label: '下发安全整改通知单',
    headline: '收到安全整改通知单，请在期限内整改并申请复验',
  },
  issued: {
    label: '下发整改项',
    headline: '安全整改项已下发',
  },
  fix_reminder: {
    label: '整改到期提醒',
    headline: '安全整改期限即将到期，请按期整改并申请复验',
  },
  fix_breached: {
    label: '整改超期',
    headline: '安全整改已超过期限，超期已记录',
  },
  retest_reminder: {
    label: '复验到期提醒',
    headline: '复验期限即将到期，请按期复验',
  },
  retest_overdue: {
    label: '复验超期',
    headline: '甲方复验已超过约定期限',
  },
  retest_imported: {
    label: '导入复测结果',
    headline: '复测结果已导入整改项',
  },
  risk_expired: {
    label: '风险接受到期',
    headline: '风险接受已到期，整改项重新打开，请整改',
  },
  deadlines_recomputed: {
    label: '按正式节假日重算期限',
    headline: '整改与复验期限已按正式节假日安排重新计算',
  },
} as const satisfies Readonly<Record<RemediationStep, { label: string; headline: string }>>;
