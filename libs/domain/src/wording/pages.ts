// The console's own words: the product name, the sections and page titles, the deadline names
// shown beside items, and the few words pages use on their own.

/** The product's name as the console and mails show it. */
export const PRODUCT_NAME = '履约';

/** The console's sections and pages, by code. */
export const PAGE_TITLES = {
  dashboard: '工作台',
  requirements: '需求',
  changes: '项目变更',
  quota: '配额与统计',
  security: '安全整改',
  securityTasks: '整改任务',
  audit: '审计记录',
  admin: '系统管理',
  changeReply: '项目变更书面答复',
} as const;

export type PageCode = keyof typeof PAGE_TITLES;

/** The deadlines an item shows on the dashboard, by kind. */
export const DEADLINE_LABELS = {
  assessment: '评估期限',
  delivery: '交付期限',
  signOffReminder: '验收提醒',
  changeReply: '答复期限',
  fix: '整改期限',
} as const;

/** Who acted when no person did. */
export const SYSTEM_ACTOR_LABEL = '系统';
