const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, the way people there read an instant. */
export function shanghaiMinute(iso: string | Date | null | undefined): string {
  if (iso === null || iso === undefined) return '';
  return SHANGHAI.format(new Date(iso));
}

export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : value ? '是' : '否';
}

/** Timeline wording of each audited step (`requirement.<step>`). */
export const STEP_LABELS: Readonly<Record<string, string>> = {
  submitted: '提交需求',
  assessment_scheduled: '开始评估计时',
  deadlines_recomputed: '按正式节假日重算期限',
  assessment_reminder: '评估到期提醒',
  assessment_breached: '评估超期',
  delivery_reminder: '交付到期提醒',
  delivery_overdue: '交付超期',
  signoff_reminder: '验收提醒',
  assess: '技术评估',
  approve: '批准',
  reject: '驳回',
  'start-development': '开始开发',
  'log-effort': '登记工作量',
  'submit-for-testing': '提交测试',
  'pass-testing': '测试通过',
  'fail-testing': '测试未通过',
  release: '发布',
  accept: '验收',
  replan: '调整计划交付日期',
  cancel: '取消',
};
