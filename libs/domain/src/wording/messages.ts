// The error and refusal wording, keyed by message key. Each entry has the English the REST
// envelope's `message` carries (API callers are programs and their logs) and the zh-CN a person
// reads on a page, in a form or in a mail. Errors carry the key and its parameters, never prose;
// nothing outside this catalogue turns a message into words.
import type { DomainErrorCode, FieldProblem } from '../domain-error';
import { ROLE_LABELS } from './party-role.labels';
import { reportRefusalMessage } from './security.labels';
import { ASSESSMENT_TEMPLATE_PROBLEMS, type AssessmentTemplateProblem } from './assessment.labels';
import type { ReportRefusal } from '@luyue/security/definitions';
import type { Role } from '../role.types';
import type { LinkTokenRefusal } from '../link-token.types';
import type { CoverageProblem } from '../coverage-problem.types';
import type { FaultRefusal, SlaPolicyProblem } from '@luyue/fault-ticket/definitions';
import type { DutyPlanProblem, DutyRefusal } from '@luyue/duty/definitions';

interface Wording<P> {
  en: (p: P) => string;
  zh: (p: P) => string;
}

/** One entry; `P` is what the message needs to be said. */
function say<P extends object = Record<string, never>>(
  en: (p: P) => string,
  zh: (p: P) => string,
): Wording<P> {
  return { en, zh };
}

const zhRoles = (roles: readonly string[]): string =>
  roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、');

const LINK_REFUSALS: Readonly<Record<LinkTokenRefusal, { en: string; zh: string }>> = {
  malformed: { en: 'This link is not valid', zh: '此链接无效' },
  bad_signature: { en: 'This link is not valid', zh: '此链接无效' },
  wrong_purpose: { en: 'This link is not meant for this page', zh: '此链接不适用于本页面' },
  expired: { en: 'This link has expired', zh: '此链接已过期' },
  already_used: { en: 'This link has already been used', zh: '此链接已使用过' },
  unknown: { en: 'This link is not valid', zh: '此链接无效' },
  recipient_gone: { en: 'The recipient may no longer reply', zh: '此链接的收件人已不再有权答复' },
};

const FAULT_REFUSALS: Readonly<Record<FaultRefusal, { en: string; zh: string }>> = {
  pause_exists: {
    en: 'the clocks are already paused or a pause awaits confirmation',
    zh: '计时已暂停或暂停申请待确认。',
  },
  no_pending_pause: { en: 'no pause awaits confirmation', zh: '没有待确认的暂停申请。' },
  not_paused: { en: 'the clocks are not paused', zh: '计时未暂停。' },
  extension_exists: { en: 'an extension request awaits a decision', zh: '已有待审批的延期申请。' },
  no_pending_extension: {
    en: 'no extension request awaits a decision',
    zh: '没有待审批的延期申请。',
  },
  clock_not_running: { en: 'that clock is not running', zh: '该时限未在计时。' },
};

const DUTY_REFUSALS: Readonly<Record<DutyRefusal, { en: string; zh: string }>> = {
  not_a_signer: { en: 'you are not one of its signers', zh: '您不是该任务的签字人。' },
  already_signed: { en: 'you have already signed this record', zh: '您已签字确认过该记录。' },
  record_changed: {
    en: 'the record changed since you read it: read it again before signing',
    zh: '记录在您查看后已被修改，请重新查看后再签字。',
  },
};

const COVERAGE_PROBLEMS_SAID: Readonly<Record<CoverageProblem, { en: string; zh: string }>> = {
  malformed: {
    en: 'segments must be HH:mm-HH:mm, comma-separated (24:00 only as an end)',
    zh: '时间段应为 HH:mm-HH:mm，以逗号分隔（24:00 只能作为结束时间）',
  },
  empty: { en: 'segments must name at least one segment', zh: '至少需要一个时间段' },
  start_not_before_end: {
    en: 'each segment must start before it ends',
    zh: '每个时间段的开始时间必须早于结束时间',
  },
  unsorted_or_overlapping: {
    en: 'segments must be in order of the day and must not overlap',
    zh: '时间段须按先后排列且互不重叠',
  },
};

const SLA_POLICY_PROBLEMS_SAID: Readonly<Record<SlaPolicyProblem, string>> = {
  coverage: '计时范围的日期或时间段不正确',
  required: '此项必填',
  budget: '请填写 1 到 525600 之间的整数分钟，或选择当日工作时间结束',
  coverage_name: '请选择本策略中的计时范围',
  warnings: '百分比应为 1 到 99 的整数，提前分钟数应为正整数，以逗号分隔',
};

/** What is wrong with a field of a duty plan, as a person reads it. */
function dutyPlanProblemSaid(p: { problem: DutyPlanProblem; min?: number; max?: number }): string {
  const said: Readonly<Record<DutyPlanProblem, string>> = {
    kind: '请从列表中选择',
    range: `请填写 ${p.min ?? 0} 到 ${p.max ?? 0} 之间的整数`,
    times: '每年次数应为 1、2、3、4、6 或 12',
    dates: '请每行填写一个 YYYY-MM-DD 格式的日期（至少一个）',
    time: '请按 HH:mm 填写时刻，或留空',
    too_long: `最多 ${p.max ?? 0} 个字`,
    checklist_key: '检查项重复或格式不正确',
    checklist_count: `检查项最多 ${p.max ?? 0} 项`,
    signers: '请选择至少一个签字人',
  };
  return said[p.problem];
}

/** A person's words for each code, when the message itself says nothing more specific. */
export const CODE_MESSAGES: Readonly<Record<DomainErrorCode, string>> = {
  validation_failed: '提交的内容有误，请检查后重试。',
  not_found: '找不到您要的内容，或您无权查看。',
  invalid_state: '该事项的状态已经变化，当前不能这样操作。',
  forbidden: '您的角色不能进行此操作。',
  csrf_refused: '表单已过期或来源不明，请刷新页面后重试。',
  unauthenticated: '请先登录。',
  conflict: '该操作与现有记录冲突。',
  idempotency_mismatch: '该操作与之前的提交不一致，请刷新页面后重试。',
  quota_exceeded: '超出本合同年度的接口额度。',
  rate_limited: '操作过于频繁，请稍后再试。',
  token_invalid: '链接已失效。',
  dependency_unavailable: '服务暂时不可用，请稍后重试。',
  write_refused: '提交的内容无法保存，未做任何更改。请检查输入后重试。',
  malformed_body: '提交的内容格式不正确。',
  payload_too_large: '提交的内容或文件超过大小上限。',
  unsupported_media_type: '不支持该文件或内容类型。',
};

export const MESSAGES = {
  // A code's generic wording (an error from the wire or the HTTP edge without a message of its own).
  'error.generic': say<{ code: DomainErrorCode; text?: string }>(
    (p) => p.text ?? p.code,
    (p) => CODE_MESSAGES[p.code],
  ),
  'error.internal': say(
    () => 'Internal server error',
    () => '出错了，请稍后重试。',
  ),

  // Not found.
  'contract.not_found': say(
    () => 'No such contract',
    () => '没有这个合同，或您不是它的参与方。',
  ),
  'contract.year_not_found': say<{ year: number }>(
    (p) => `The contract has no year ${p.year}`,
    (p) => `合同没有第 ${p.year} 年度。`,
  ),
  'requirement.not_found': say<{ id: string }>(
    (p) => `No request ${p.id}`,
    (p) => `没有需求 ${p.id}，或您无权查看。`,
  ),
  'change.not_found': say<{ id: string }>(
    (p) => `No change request ${p.id}`,
    (p) => `没有变更申请 ${p.id}，或您无权查看。`,
  ),
  'security.not_found': say<{ what: string; id: string }>(
    (p) => `No security ${p.what} ${p.id}`,
    (p) => `没有安全整改记录 ${p.id}，或您无权查看。`,
  ),
  'file.not_found': say(
    () => 'No such file',
    () => '没有这个文件。',
  ),
  'user.not_found': say(
    () => 'No such user',
    () => '没有这个用户。',
  ),
  'user.email_not_found': say<{ email: string }>(
    (p) => `No user with email ${p.email}`,
    () => '没有这个用户。',
  ),
  'workflow.closed': say(
    () => 'The workflow of this item has ended or does not exist',
    () => '该事项的流程已结束或不存在。',
  ),
  // The reason a confirmed change's effect records on the request it changes (read by people).
  'change.effect_reason': say<{ id: string }>(
    (p) => `Change request ${p.id} was confirmed in writing by all three parties`,
    (p) => `项目变更 ${p.id} 已经三方书面确认`,
  ),
  'change.agreeing_user_gone': say(
    () => 'The agreeing user or contract is gone',
    () => '同意变更的用户或合同已不存在。',
  ),
  'console.no_contract': say(
    () => 'No such contract',
    () => '没有这个合同，或您不是它的参与方。',
  ),
  'console.no_contract_to_submit': say(
    () => 'No contract to submit a request in',
    () => '没有可提交需求的合同。',
  ),
  'console.no_contract_for_policy': say(
    () => 'No contract whose SLA policy could be edited',
    () => '没有可编辑 SLA 策略的合同。',
  ),
  'console.no_contract_for_assessment': say(
    () => 'No contract whose assessment template could be edited',
    () => '没有可编辑考核模板的合同。',
  ),
  'console.no_contract_to_report': say(
    () => 'No contract to report a fault in',
    () => '没有可报告故障的合同。',
  ),
  'console.no_contract_to_propose': say(
    () => 'No contract to propose a change in',
    () => '没有可提出变更的合同。',
  ),
  'console.no_contract_to_notify': say(
    () => 'No contract to issue a notice in',
    () => '没有可下发通知单的合同。',
  ),
  'console.no_action': say<{ action: string }>(
    (p) => `No action ${p.action}`,
    (p) => `没有操作 ${p.action}。`,
  ),
  'console.no_chart': say<{ chart: string }>(
    (p) => `No chart ${p.chart}`,
    (p) => `没有图表 ${p.chart}。`,
  ),

  // Who may act.
  'auth.login_first': say(
    () => 'Log in first (POST /api/auth/login)',
    () => '请先登录。',
  ),
  'auth.wrong_credentials': say(
    () => 'The email or the password is wrong',
    () => '邮箱或密码不正确。',
  ),
  'auth.too_many_logins': say(
    () => 'Too many failed logins; try again later',
    () => '登录失败次数过多，请稍后再试。',
  ),
  'auth.operator_logout': say(
    () =>
      'The operator token (ADMIN_TOKEN) is configuration, not a session: it cannot be logged out. Change ADMIN_TOKEN and restart to revoke it',
    () =>
      '运维令牌（ADMIN_TOKEN）是配置而不是会话，不能退出登录。请修改 ADMIN_TOKEN 并重启以吊销。',
  ),
  'auth.login_form_expired': say(
    () => 'The login form has expired or its origin is unknown; log in again',
    () => '登录表单已过期或来源不明，请重新登录。',
  ),
  'auth.needs_role': say<{ roles: readonly string[] }>(
    (p) => `This needs one of the roles: ${p.roles.join(', ')}`,
    (p) => `此页面或操作需要以下角色之一：${zhRoles(p.roles)}。`,
  ),
  'auth.csrf_header': say<{ header: string }>(
    (p) =>
      `A write authenticated by the session cookie needs the session's CSRF token in the ${p.header} header (or use the Bearer token)`,
    () => '表单已过期或来源不明，请刷新页面后重试。',
  ),
  'auth.csrf_form': say(
    () => 'The form has expired or its origin is unknown; reload the page and try again',
    () => '表单已过期或来源不明，请刷新页面后重试。',
  ),
  'action.role_refused': say<{ roles: readonly string[]; action: string; noun: string }>(
    (p) => `Only ${p.roles.join(' or ')} may ${p.action} ${p.noun}`,
    (p) => `只有${zhRoles(p.roles)}可以进行此操作。`,
  ),
  'change.proposer_roles': say<{ roles: readonly string[] }>(
    (p) => `Only ${p.roles.join(', ')} propose changes`,
    (p) => `只有${zhRoles(p.roles)}可以提出变更。`,
  ),
  'requirement.hospital_submits': say(
    () => 'Only the hospital submits requests in this contract',
    () => '只有本合同甲方（医院）的人员可以提交需求。',
  ),
  'contract.parties_only': say(
    () => 'Only the parties to this contract may act in it',
    () => '只有本合同的参与方可以操作。',
  ),
  'security.manager_only': say(
    () => 'Only the hospital manager of this contract issues notices and imports reports',
    () => '只有本合同甲方的信息科负责人可以下发通知单和导入报告。',
  ),
  'change.proposing_party_withdraws': say(
    () => 'Only the proposing party may withdraw a change request',
    () => '只有提出方可以撤回变更申请。',
  ),
  'change.proposer_withdraws': say<{ name: string }>(
    (p) => `Only ${p.name}, who proposed it, may withdraw a change request`,
    (p) => `只有提出人 ${p.name} 可以撤回变更申请。`,
  ),

  // State.
  'action.not_now': say<{ id: string; status: string; action: string }>(
    (p) => `${p.id} is ${p.status}: ${p.action} is not possible now`,
    () => '该事项的状态已经变化，当前不能这样操作。',
  ),
  'requirement.released_not_cancellable': say<{ id: string }>(
    (p) => `${p.id} is released: it can be accepted, not cancelled`,
    (p) => `需求 ${p.id} 已发布，只能验收，不能取消。`,
  ),
  'state.is': say<{ id: string; status: string }>(
    (p) => `${p.id} is ${p.status}`,
    () => '该事项的状态已经变化，当前不能这样操作。',
  ),
  'contract.not_in_service': say<{ number: string; startDate?: string; endDate?: string }>(
    (p) =>
      p.startDate
        ? `Contract ${p.number} is not in service today (${p.startDate} – ${p.endDate})`
        : `Contract ${p.number} is not in service today`,
    () => '合同今天不在服务期内。',
  ),
  'requirement.finished_attach': say<{ id: string }>(
    (p) => `Request ${p.id} is finished: nothing more to attach`,
    (p) => `需求 ${p.id} 已结束，不能再添加附件。`,
  ),
  'requirement.acceptance_not_yet': say<{ id: string; status: string }>(
    (p) => `${p.id} is ${p.status}: the acceptance confirmation exists once it is accepted`,
    (p) => `需求 ${p.id} 尚未验收，验收确认单在验收后才有。`,
  ),
  'fault.not_found': say<{ id: string }>(
    (p) => `No fault ticket ${p.id} in a contract you are party to`,
    () => '找不到该故障工单，或您无权查看。',
  ),
  'fault.not_now': say<{ number: string; reason: FaultRefusal }>(
    (p) => `${p.number}: ${FAULT_REFUSALS[p.reason].en}`,
    (p) => FAULT_REFUSALS[p.reason].zh,
  ),
  'duty.not_found': say<{ id: string }>(
    (p) => `No duty ${p.id} in a contract you are party to`,
    () => '找不到该运维任务，或您无权查看。',
  ),
  'duty.plan_not_found': say<{ id: string }>(
    (p) => `No duty plan ${p.id} in a contract you are party to`,
    () => '找不到该运维计划，或您无权查看。',
  ),
  'duty.not_now': say<{ number: string; reason: DutyRefusal }>(
    (p) => `${p.number}: ${DUTY_REFUSALS[p.reason].en}`,
    (p) => DUTY_REFUSALS[p.reason].zh,
  ),
  'security.task_issuing': say(
    () => 'This task is being issued; try again in a moment',
    () => '该整改任务正在下发，请稍后再试。',
  ),
  'security.risk_not_acceptable': say<{ taskId: string; severity: string }>(
    (p) =>
      `Only low and info findings may be accepted as a risk: ${p.taskId} is ${p.severity}, it must be fixed`,
    (p) => `只有低危和信息级的问题可以接受风险：${p.taskId} 的风险等级不允许，必须整改。`,
  ),
  'change.proposer_counts': say<{ id: string }>(
    (p) => `Your party proposed ${p.id} and counts as agreeing`,
    (p) => `变更 ${p.id} 由您方提出，已视为同意。`,
  ),
  'change.already_replied': say<{ by: string | null; party: string; at: string | null }>(
    (p) => `${p.by ?? 'Your party'} already replied for the ${p.party} at ${p.at}`,
    (p) => `${p.by ?? '您方'} 已代表本方答复过。`,
  ),

  // Conflicts.
  'quota.exceeded': say<{ remaining: number; requested: number }>(
    (p) =>
      `The estimate of ${p.requested} person-days exceeds the ${p.remaining} person-days left in this contract year's interface quota; approve it outside the quota or raise a change request`,
    (p) =>
      `本合同年度接口额度仅剩 ${p.remaining} 人天，本需求估算 ${p.requested} 人天，不能计入免费额度`,
  ),
  'idempotency.other_caller': say(
    () => 'This Idempotency-Key was already used by another caller or for another request',
    () => '该操作标识已被其他请求使用。',
  ),
  'idempotency.other_body': say(
    () => 'This Idempotency-Key was already used with a different body; use a new key',
    () => '该操作与之前的提交不一致，请刷新页面后重试。',
  ),
  'idempotency.in_progress': say(
    () => 'A request with this Idempotency-Key is still being processed; retry shortly',
    () => '该操作仍在处理中，请稍后再试。',
  ),
  'numbering.requests_used': say<{ max: number; year: number }>(
    (p) => `All ${p.max} request numbers of ${p.year} are used`,
    (p) => `${p.year} 年度的需求编号已用完。`,
  ),
  'numbering.request_exists': say<{ id: string }>(
    (p) => `Request ${p.id} already exists`,
    (p) => `需求 ${p.id} 已存在。`,
  ),
  'numbering.changes_used': say<{ year: number }>(
    (p) => `All change numbers of ${p.year} are used`,
    (p) => `${p.year} 年度的变更编号已用完。`,
  ),
  'contract.number_exists': say<{ number: string }>(
    (p) => `A contract numbered ${p.number} already exists`,
    (p) => `合同编号 ${p.number} 已存在。`,
  ),
  'organization.name_exists': say<{ name: string }>(
    (p) => `An organization named "${p.name}" already exists`,
    (p) => `单位“${p.name}”已存在。`,
  ),
  'user.email_exists': say<{ email: string }>(
    (p) => `A user with email ${p.email} already exists`,
    (p) => `邮箱 ${p.email} 的用户已存在。`,
  ),
  'security.notice_exists': say<{ number: string }>(
    (p) => `Notice ${p.number} exists in this contract`,
    (p) => `本合同已有通知单 ${p.number}。`,
  ),

  // Services away.
  'workflow.unreachable': say(
    () => 'The workflow service is not reachable',
    () => '服务暂时不可用，请稍后重试。',
  ),
  'workflow.unreachable_nothing_recorded': say(
    () => 'The workflow service is not reachable; nothing was recorded, please try again',
    () => '服务暂时不可用，未做任何记录，请稍后重试。',
  ),
  'workflow.no_answer': say(
    () => 'The workflow service (Temporal) did not answer; please try again',
    () => '服务暂时不可用，请稍后重试。',
  ),
  'workflow.update_unconfirmed': say(
    () => 'The change is not confirmed yet; if it was accepted it is recorded shortly',
    () => '操作尚未确认；如已受理，稍后即会记录。',
  ),
  'database.no_answer': say(
    () => 'The database (PostgreSQL) did not answer in time; nothing was changed, please try again',
    () => '数据库暂时没有响应，未做任何更改，请稍后重试。',
  ),
  'database.write_refused': say(
    () => 'The input could not be stored; nothing was changed',
    () => '提交的内容无法保存，未做任何更改。请检查输入后重试。',
  ),
  // Bilingual by design: the refusal names the file's line and column in both languages.
  'security.report_refused': say<{ refusal: ReportRefusal }>(
    (p) => reportRefusalMessage(p.refusal),
    (p) => reportRefusalMessage(p.refusal),
  ),
  'account.cannot_disable_self': say(
    () => 'you cannot disable your own account',
    () => '不能停用自己的账号',
  ),
  'account.cannot_drop_own_admin': say(
    () => 'you cannot remove your own admin role',
    () => '不能去掉自己的管理员角色',
  ),
  'security.import_not_started': say(
    () => 'The report is stored but its import could not be started; upload it again later',
    () => '报告已保存，但导入未能开始，请稍后重新上传。',
  ),

  // The HTTP edge and files.
  'body.not_json': say(
    () => 'The body is not valid JSON',
    () => '提交的内容格式不正确。',
  ),
  'body.too_large': say(
    () => 'The body is larger than allowed',
    () => '提交的内容超过大小上限。',
  ),
  'body.encoding': say(
    () => 'The body encoding is not supported',
    () => '不支持提交内容的编码。',
  ),
  'body.charset': say(
    () => 'The body charset is not supported',
    () => '不支持提交内容的字符集。',
  ),
  'body.content_type': say<{ accepted: readonly string[] }>(
    (p) => `Content-Type must be one of ${p.accepted.join(', ')}`,
    () => '不支持该内容类型。',
  ),
  'body.multipart': say<{ reason: string }>(
    (p) => `The body is not a valid multipart form: ${p.reason}`,
    () => '上传的表单格式不正确。',
  ),
  'file.type_refused': say<{ type: string }>(
    (p) => `Files of type ${p.type} are not accepted`,
    () => '不接受该类型的文件。',
  ),
  'file.type_mismatch': say<{ filename: string; type: string }>(
    (p) => `${p.filename} is not a ${p.type} file`,
    (p) => `文件 ${p.filename} 的内容与其类型不符。`,
  ),
  'file.executable': say<{ filename: string }>(
    (p) => `${p.filename} is an executable program`,
    (p) => `文件 ${p.filename} 是可执行程序，不能上传。`,
  ),
  'file.too_large': say<{ field: string; limitBytes?: number }>(
    (p) =>
      `${p.field}: a file is larger than allowed${p.limitBytes !== undefined ? ` (${p.limitBytes} bytes)` : ''}`,
    (p) => `文件超过大小上限${p.limitBytes !== undefined ? `（${p.limitBytes} 字节）` : ''}。`,
  ),
  // Bilingual in the envelope too: a mailed link is opened by a person, whatever the client.
  'link.refused': say<{ reason: LinkTokenRefusal }>(
    (p) => `${LINK_REFUSALS[p.reason].zh}（${LINK_REFUSALS[p.reason].en}）`,
    (p) => LINK_REFUSALS[p.reason].zh,
  ),
  'link.expiry_past': say(
    () => 'A link token must expire in the future',
    () => '链接的有效期必须晚于现在。',
  ),

  // Validation: the whole refusal, and each field's problem.
  'validation.fields': say<{ fields: readonly FieldProblem[] }>(
    (p) => p.fields.map((f) => `${f.field}: ${f.message}`).join('; '),
    () => '提交的内容有误，请检查后重试。',
  ),
  'validation.text': say<{ text: string }>(
    (p) => p.text,
    () => '提交的内容有误，请检查后重试。',
  ),
  'validation.list_filter': say(
    () => 'The list filters are not valid',
    () => '筛选条件不正确。',
  ),
  'validation.audit_filter': say(
    () => 'The audit filters are not valid: subject is "type" or "type:id", actor an email',
    () => '筛选条件不正确：对象为“类型”或“类型:编号”，操作人为邮箱。',
  ),
  'validation.year': say(
    () => 'The year is not valid',
    () => '年度不正确。',
  ),
  'validation.contract_year': say(
    () => 'The contract year is not valid',
    () => '合同年度不正确。',
  ),
  'file.choose': say<{ field: string }>(
    (p) => `${p.field}: choose a file to upload`,
    () => '请选择要上传的文件。',
  ),
  'field.not_past': say<{ field: string }>(
    (p) => `${p.field} must not be in the past`,
    () => '不能早于今天',
  ),
  'field.after_today': say<{ field: string }>(
    (p) => `${p.field} must be after today`,
    () => '须晚于今天',
  ),
  'field.not_future': say<{ field: string }>(
    (p) => `${p.field} must not be in the future`,
    () => '不能晚于今天',
  ),
  'field.before_from': say(
    () => 'to must not be before from',
    () => '结束日期不能早于开始日期',
  ),
  'field.outside_contract': say<{ field: string }>(
    (p) => `${p.field} must fall within a year of the contract`,
    () => '不在合同服务期内',
  ),
  'field.before_received': say<{ field: string }>(
    (p) => `${p.field} must not be before the request was received`,
    () => '不能早于需求提交日期',
  ),
  'field.same_planned_date': say(
    () => 'plannedDeliveryDate is already the planned date',
    () => '与当前计划交付日期相同，请选择新的日期',
  ),
  'field.unknown_system': say<{ known: readonly string[] }>(
    (p) => `system must be one of the contract's systems: ${p.known.join(', ')}`,
    () => '不是本合同维护的系统',
  ),
  'field.schedule_not_date': say<{ date: string }>(
    (p) => `"${p.date}" is not a valid date`,
    (p) => `${p.date} 不是有效日期`,
  ),
  'field.schedule_outside_year': say<{ date: string; year: number }>(
    (p) => `"${p.date}" is outside ${p.year}`,
    (p) => `${p.date} 不在 ${p.year} 年内`,
  ),
  'field.schedule_twice': say<{ date: string }>(
    (p) => `"${p.date}" is listed twice`,
    (p) => `${p.date} 重复了`,
  ),
  'field.schedule_also_holiday': say<{ date: string }>(
    (p) => `"${p.date}" is also listed in holidays`,
    (p) => `${p.date} 已是放假日，不能同时调休上班`,
  ),
  'field.schedule_not_weekend': say<{ date: string }>(
    (p) => `"${p.date}" is not a Saturday or Sunday`,
    (p) => `${p.date} 不是周六或周日，本来就上班`,
  ),
  'field.unknown_requirement': say(
    () => 'no such request in this contract',
    () => '本合同没有这个需求，请从列表中选择',
  ),
  'field.no_systems': say(
    () => 'This contract lists no maintained systems yet (an admin adds them to its settings)',
    () => '本合同尚未配置维护的系统，请联系管理员',
  ),
  'field.contract_year': say<{ number: string; years: number }>(
    (p) => `year must be a contract year of ${p.number}: 1 to ${p.years}`,
    (p) => `合同年度应为 1 到 ${p.years}`,
  ),
  'field.coverage_segments': say<{ problem: CoverageProblem; segment?: string }>(
    (p) =>
      `${COVERAGE_PROBLEMS_SAID[p.problem].en}${p.segment === undefined ? '' : ` (got "${p.segment}")`}`,
    (p) => COVERAGE_PROBLEMS_SAID[p.problem].zh,
  ),
  'field.calendar_span': say<{ field: string }>(
    (p) => `${p.field} and the answer must fall in the years 1901 to 2099`,
    () => '日期须在 1901 年至 2099 年之间',
  ),
  'field.attachment_unknown': say(
    () => 'unknown or already used file id',
    () => '附件不存在或已被使用',
  ),
  'field.required': say<{ field: string }>(
    () => 'is required',
    () => '此项必填',
  ),
  'field.report_file_required': say(
    () => 'the report file is required',
    () => '请上传报告文件',
  ),
  'field.too_long': say<{ field: string; max: number }>(
    (p) => `must be at most ${p.max} characters`,
    (p) => `最多 ${p.max} 个字符`,
  ),
  'field.proof_required': say(
    () => 'at least one proof file is required',
    () => '请上传至少一个证明文件',
  ),
  'field.lines_none': say(
    () => 'name at least one line',
    () => '请至少选择一个资产',
  ),
  'field.line_unknown': say<{ id: string }>(
    (p) => `${p.id} is not a line of this task`,
    () => '所选资产不属于本任务，请刷新页面后重新选择',
  ),
  'field.line_state': say<{ label: string; status: string }>(
    (p) => `${p.label} is ${p.status}`,
    (p) => `${p.label} 的当前状态不适用此步骤`,
  ),
  'field.lines_to_verify': say(
    () => 'name the lines that passed the retest',
    () => '请勾选复验通过的资产',
  ),
  'field.clock_not_running': say(
    () => 'name a clock of this ticket that is still running',
    () => '请选择本工单仍在计时的时限',
  ),
  'field.sla_policy': say<{ problem: SlaPolicyProblem; detail: string }>(
    (p) => p.detail,
    (p) => SLA_POLICY_PROBLEMS_SAID[p.problem],
  ),
  'field.duty_plan': say<{ problem: DutyPlanProblem; detail: string; min?: number; max?: number }>(
    (p) => p.detail,
    (p) => dutyPlanProblemSaid(p),
  ),
  'field.assessment_template': say<{ problem: AssessmentTemplateProblem; key?: string }>(
    (p) => `${ASSESSMENT_TEMPLATE_PROBLEMS[p.problem].en}${p.key ? ` (${p.key})` : ''}`,
    (p) => ASSESSMENT_TEMPLATE_PROBLEMS[p.problem].zh,
  ),
  'field.invalid': say(
    () => 'invalid',
    () => '填写有误',
  ),
} as const;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams<K extends MessageKey> =
  (typeof MESSAGES)[K] extends Wording<infer P> ? P : never;

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(MESSAGES, key);
}

function entry(key: MessageKey): Wording<object> {
  return MESSAGES[key] as unknown as Wording<object>;
}

/** The English of a message (the REST envelope's `message`, logs). */
export function englishOf<K extends MessageKey>(key: K, params: MessageParams<K>): string {
  return entry(key).en(params as object);
}

/** The zh-CN of a message, as pages, forms and mails say it. */
export function zhOf<K extends MessageKey>(key: K, params: MessageParams<K>): string {
  return entry(key).zh(params as object);
}

/** What a form shows beside a field for a problem: the catalogue's zh-CN, else the English. */
export function fieldProblemZh(problem: FieldProblem): string {
  return isMessageKey(problem.key)
    ? zhOf(problem.key, problem.params as never)
    : `填写有误（${problem.message}）`;
}

/** The error page's heading, by HTTP status; anything else is the generic heading. */
const ERROR_PAGE_HEADINGS: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  409: '当前状态下不能这样操作',
  429: '操作过于频繁',
};

export function errorPageHeading(status: number): string {
  return ERROR_PAGE_HEADINGS[status] ?? '出错了';
}

/** What an error page says when it knows only the code (or nothing). */
export function codeMessage(code: unknown): string {
  return typeof code === 'string' && Object.hasOwn(CODE_MESSAGES, code)
    ? CODE_MESSAGES[code as DomainErrorCode]
    : zhOf('error.internal', {});
}

/** The way back from an error page to the item it was about, by process. */
export const BACK_TO_ITEM_LABELS = {
  requirement: '返回需求页面查看最新状态',
  change: '返回变更申请页面查看最新状态',
  remediation: '返回整改任务页面查看最新状态',
} as const;
