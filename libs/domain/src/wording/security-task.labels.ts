import type {
  FixCause,
  LineStatus,
  RemediationBreachKind,
  RemediationStatus,
  RetestRound,
} from '../remediation/security-task.types';

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
  issued: '下发时间',
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
