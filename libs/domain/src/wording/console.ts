// The console's flashes, chart titles and form notes, by page.

/** Administration. */
export const ADMIN_PAGE_TITLES = {
  organizations: '单位',
  users: '用户',
  calendar: '节假日安排',
} as const;

export const contractSettingsTitle = (contractNumber: string): string =>
  `${contractNumber} 合同设置`;
export const organizationCreatedFlash = (name: string, partyLabel: string): string =>
  `已创建单位：${name}（${partyLabel}）`;
export const settingsSavedFlash = (contractNumber: string): string =>
  `已保存 ${contractNumber} 的合同设置`;
export const scheduleImportedFlash = (r: {
  year: number;
  holidays: number;
  workdays: number;
  recomputing: number;
}): string =>
  `已导入 ${r.year} 年节假日安排：放假 ${r.holidays} 天，调休上班 ${r.workdays} 天；${r.recomputing} 个进行中的流程将重新计算期限`;

export const USER_FLASHES = {
  created: '已创建用户',
  passwordReset: '已重置密码',
  passwordResetLoggedOut: '已重置密码，该用户需重新登录',
} as const;
export const userCreatedFlash = (name: string, email: string): string =>
  `已创建用户：${name}（${email}）`;
export const rolesUpdatedFlash = (labels: string): string => `已更新角色：${labels}`;
export const userDisabledFlash = (email: string, disabled: boolean): string =>
  disabled ? `已停用用户 ${email}，其登录已全部失效` : `已启用用户 ${email}`;

/** The quota page's charts. */
export const QUOTA_CHART_WORDS = {
  unit: '人天',
  consumed: '已消耗',
  reserved: '已预留',
  remaining: '剩余',
} as const;
export const quotaChartTitle = (year: number, total: number): string =>
  `第 ${year} 合同年度接口额度（共 ${total} 人天）`;
export const breachChartTitle = (year: number): string => `第 ${year} 合同年度违约次数`;
export const monthlyChartTitle = (year: number): string =>
  `第 ${year} 合同年度每月提交的需求（按当前状态）`;

/** Change requests. */
export const CHANGE_PAGE_WORDS = {
  propose: '提出项目变更',
  proposeCrumb: '提出变更',
  confirmation: '变更确认单',
  notAnswered: '尚未答复',
  replyNotRecorded: '您的答复未记录：此项目变更已不再等待您这一方的答复。',
  replyRecorded: '已记录您的书面答复，谢谢。',
} as const;
export const changeProposedFlash = (id: string): string => `已提出项目变更 ${id}`;

/** Security remediation. */
export const SECURITY_PAGE_WORDS = {
  uploadFile: '报告文件',
  uploadFormat: '格式',
  uploadReportDate: '报告日期',
  uploadRetestOf: '复测',
  uploadDuplicate: '同一文件已导入过此通知单，未重复导入。',
  uploadAccepted: '报告已上传，正在后台导入。',
  retestPassed: '复验通过',
  retestFailed: '复验未通过',
  retestPending: '待复验',
  report: '整改报告',
  stats: '整改统计',
  allYears: '全部',
} as const;
export const noticeIssuedFlash = (number: string): string => `已下发整改通知单 ${number}`;
export const issuedInYear = (year: number): string => `第 ${year} 合同年度下发`;
export const completionChartTitle = (scope: string, by: 'severity' | 'source'): string =>
  `安全整改完成情况（${scope}，${by === 'severity' ? '按风险等级' : '按来源'}）`;
export const COMPLETION_CHART_WORDS = {
  completed: '已完成',
  riskAccepted: '风险接受',
  open: '未完成',
} as const;
