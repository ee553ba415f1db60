import {
  CHANGE_STATUS_LABELS,
  REMEDIATION_STATUS_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  changeStepLabel,
  remediationStepLabel,
  requirementStepLabel,
  type Role,
} from '@luyue/domain';

/** What the error page says, by status; anything else is the generic heading. */
export const PAGE_HEADINGS: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  409: '当前状态下不能这样操作',
  429: '操作过于频繁',
};

/** The item pages of each process: its step and status labels, and the way back to it. */
const PROCESS_PAGES: ReadonlyArray<{
  path: RegExp;
  step: (action: string) => string;
  statuses: Readonly<Record<string, string>>;
  back: string;
}> = [
  {
    path: /^\/requirements\/(?!new\b)[^/]+/,
    step: requirementStepLabel,
    statuses: STATUS_LABELS,
    back: '返回需求页面查看最新状态',
  },
  {
    path: /^\/change-requests\/(?!new\b)[^/]+/,
    step: changeStepLabel,
    statuses: CHANGE_STATUS_LABELS,
    back: '返回变更申请页面查看最新状态',
  },
  {
    path: /^\/security\/tasks\/[^/]+/,
    step: remediationStepLabel,
    statuses: REMEDIATION_STATUS_LABELS,
    back: '返回整改任务页面查看最新状态',
  },
];

const roles = (list: string): string =>
  list
    .split(/, | or /)
    .map((r) => ROLE_LABELS[r as Role] ?? r)
    .join('、');

/** Service messages (English, for REST callers) as a person reads them on a page. */
const MESSAGES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^No request (\S+)/, (m) => `没有需求 ${m[1]}，或您无权查看。`],
  [/^No change request (\S+)/, (m) => `没有变更申请 ${m[1]}，或您无权查看。`],
  [/^No security \w+ (\S+)/, (m) => `没有安全整改记录 ${m[1]}，或您无权查看。`],
  [/^No such contract/, () => '没有这个合同，或您不是它的参与方。'],
  [/^No such file/, () => '没有这个文件。'],
  [/^No such user|^No user with email/, () => '没有这个用户。'],
  [/^The contract has no year (\d+)/, (m) => `合同没有第 ${m[1]} 年度。`],
  [/^This needs one of the roles: (.+)$/, (m) => `此页面或操作需要以下角色之一：${roles(m[1])}。`],
  [/^Only (.+) may \S+ /, (m) => `只有${roles(m[1])}可以进行此操作。`],
  [/^Only (.+) propose changes/, (m) => `只有${roles(m[1])}可以提出变更。`],
  [/^Only the hospital submits requests/, () => '只有本合同甲方（医院）的人员可以提交需求。'],
  [/^Only the parties to this contract/, () => '只有本合同的参与方可以操作。'],
  [/^Only the proposing party may withdraw/, () => '只有提出方可以撤回变更申请。'],
  [/is not in service today/, () => '合同今天不在服务期内。'],
  [/^Log in first/, () => '请先登录。'],
];

/** When no message is known: what the code means, in zh-CN. */
const BY_CODE: Readonly<Record<string, string>> = {
  not_found: '找不到您要的内容，或您无权查看。',
  forbidden: '您的角色不能进行此操作。',
  csrf_refused: '表单已过期或来源不明，请刷新页面后重试。',
  invalid_state: '该事项的状态已经变化，当前不能这样操作。',
  conflict: '该操作与现有记录冲突。',
  validation_failed: '提交的内容有误，请检查后重试。',
  rate_limited: '操作过于频繁，请稍后再试。',
  token_invalid: '链接已失效。',
  dependency_unavailable: '服务暂时不可用，请稍后重试。',
  write_refused: '提交的内容无法保存，未做任何更改。请检查输入后重试。',
  unauthenticated: '请先登录。',
};

/** The page's wording for an error body: zh-CN as written, else translated, else by code. */
export function pageMessage(body: Record<string, unknown>): string {
  const message = typeof body.message === 'string' ? body.message : '';
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  for (const [pattern, say] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return BY_CODE[String(body.code)] ?? '出错了，请稍后重试。';
}

/** A 409 on an item page: what may be done instead, the state it is in, and the way back. */
export function conflictHelp(
  path: string,
  body: Record<string, unknown>,
): { allowed: string[]; current: string | null; back: { href: string; label: string } | null } {
  const page = PROCESS_PAGES.find((p) => p.path.test(path));
  const actions = Array.isArray(body.allowedActions) ? body.allowedActions.map(String) : [];
  const status = typeof body.currentStatus === 'string' ? body.currentStatus : null;
  if (!page) return { allowed: [], current: null, back: null };
  return {
    allowed: actions.map(page.step),
    current: status ? (page.statuses[status] ?? null) : null,
    back: { href: page.path.exec(path)![0], label: page.back },
  };
}
