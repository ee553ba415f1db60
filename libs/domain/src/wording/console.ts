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
export const SCHEDULE_FORM_PROBLEMS = {
  year: '请输入年份，例如 2027',
  required: '此项必填',
  notJson: '不是有效的 JSON',
  shape: '须为 {"holidays": [...], "workdays": [...]}，日期写作 "YYYY-MM-DD"',
} as const;

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
