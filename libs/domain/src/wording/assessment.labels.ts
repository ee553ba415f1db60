/** The yearly assessment (年度履约考核): indicator names, formulas and scorecard words. */
export const ASSESSMENT_INDICATOR_KEYS = [
  'availability',
  'fault_response',
  'task_completion',
  'requirement_completion',
  'security_remediation',
  'satisfaction',
  'it_department_score',
] as const;
export type AssessmentIndicatorKey = (typeof ASSESSMENT_INDICATOR_KEYS)[number];

export const ASSESSMENT_INDICATOR_LABELS: Record<
  AssessmentIndicatorKey,
  { label: string; formula: string }
> = {
  availability: {
    label: '核心系统可用率',
    formula:
      '（计划运行时间 − 核心系统停机时间）÷ 计划运行时间；一级故障自报告至恢复计为停机，经批准的计划维护时段不计入；可由医院监控平台的数据替代',
  },
  fault_response: {
    label: '故障响应及时',
    formula: '本合同年度各级故障的响应、到场、恢复、报告时限超时次数之和，每超时一次计一次',
  },
  task_completion: {
    label: '例行运维任务完成率',
    formula: '已签字确认的任务数 ÷ 应完成的任务数（未签字确认的视为未完成）',
  },
  requirement_completion: {
    label: '需求完成率',
    formula: '已验收的需求数 ÷ 已确认的需求数',
  },
  security_remediation: {
    label: '安全整改完成率（中高危）',
    formula: '中危及以上整改项中已验证关闭（含确认误报）的项数 ÷ 下发的项数，逐项核对整改通知单',
  },
  satisfaction: {
    label: '临床科室满意度',
    formula: '不少于规定数量的临床科室参与评价，平均得分',
  },
  it_department_score: {
    label: '信息科评分',
    formula: '信息科对本年度运维服务的评分',
  },
};

export const ASSESSMENT_TERMS = {
  scorecard: '年度考核评分表',
  editTemplate: '设置考核模板',
  enabled: '启用',
  save: '保存',
  templateSaved: '考核模板已保存',
  maintenanceWindows: '经批准的计划维护时段',
  windowsHint: '每行一个时段：开始 结束 说明，如 2026-03-01 22:00 2026-03-02 02:00 系统升级',
  windowLineInvalid: '时段格式有误，应为：开始 结束 说明（日期时间如 2026-03-01 22:00）',
  unstorableText: '含有无法保存的字符',
  manualPercentHint: '医院监控平台为约定数据来源时填写，留空则按故障工单计算',
  show: '查看',
  counts: '统计',
  items: '明细',
  percent: '%',
  template: '考核模板',
  indicator: '考核指标',
  target: '目标',
  formula: '计算方法',
  value: '实际值',
  outcome: '结论',
  evidence: '依据',
  pass: '达标',
  fail: '未达标',
  noData: '暂无数据',
  disabled: '未启用',
  manual: '人工填报',
  manualNote: '数据来源说明',
  year: '合同年度',
  asOf: '统计截至',
  allPass: '全部指标达标',
  notAllPass: '存在未达标指标',
  overallPending: '尚有指标暂无数据',
  atLeast: '不低于',
  atMost: '不超过',
  times: '次',
  points: '分',
  departments: '个科室',
  majorBreach: '达到重大违约',
  surveysLater: '满意度调查尚未开展',
  evidenceLabels: {
    due: '应完成',
    done: '已签字',
    missed: '未完成',
    confirmed: '已确认',
    accepted: '已验收',
    notAccepted: '未验收',
    issued: '下发',
    completed: '已关闭',
    riskAccepted: '风险接受',
    open: '未关闭',
    overruns: '超时',
    outages: '停机故障',
    plannedMinutes: '计划运行分钟',
    outageMinutes: '停机分钟',
    maintenanceMinutes: '计划维护分钟',
    tickets: '故障工单',
  },
} as const;

/** Why a template is refused, field by field. */
export const ASSESSMENT_TEMPLATE_PROBLEMS = {
  duplicate: { en: 'this indicator is listed twice', zh: '该指标重复' },
  missing: {
    en: 'every indicator must be listed (switch one off instead)',
    zh: '缺少指标（不需要的指标请设为未启用）',
  },
  out_of_range_percent: {
    en: 'must be a percent from 0 to 100 with at most two decimals',
    zh: '应为 0 到 100 之间的百分数，最多两位小数',
  },
  out_of_range_points: {
    en: 'must be points from 0 to 100 with at most two decimals',
    zh: '应为 0 到 100 之间的分数，最多两位小数',
  },
  out_of_range_count: { en: 'must be a whole number, 0 or more', zh: '应为不小于 0 的整数' },
  required_with_manual: {
    en: 'say where the manual figure comes from',
    zh: '人工填报时须说明数据来源',
  },
  not_after_from: { en: "must be after the window's start", zh: '结束时间须晚于开始时间' },
} as const;
export type AssessmentTemplateProblem = keyof typeof ASSESSMENT_TEMPLATE_PROBLEMS;
