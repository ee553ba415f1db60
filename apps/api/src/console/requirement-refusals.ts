import { DomainError, type FieldProblem } from '@luyue/domain';
import { FORM_ERROR } from './admin-fields';
import type { Field } from './requirement-action-fields';

/**
 * What the page says for a rule the service or the workflow checks (the DTO cannot), by the
 * service's English message; an unknown one keeps its wording after a generic line.
 */
const RULE_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/must not be in the past/, '不能早于今天'],
  [/must not be in the future/, '不能晚于今天'],
  [/before the request was received/, '不能早于需求提交日期'],
  [/is already the planned date/, '与当前计划交付日期相同，请选择新的日期'],
  [/system must be one of/, '不是本合同维护的系统'],
  [/lists no maintained systems/, '本合同尚未配置维护的系统，请联系管理员'],
];

/** The quota refusal of an approval: how much is left and what the approver may do instead. */
export interface QuotaRefusal {
  remaining: number;
  requested: number;
}

export interface RequirementRefusal {
  errors: Record<string, string>;
  quota?: QuotaRefusal;
}

function zh(message: string): string {
  return RULE_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? `填写有误（${message}）`;
}

/**
 * A service or workflow refusal of a requirement form, as errors beside its fields, so the page
 * can show them with what was typed; null for any other refusal (it gets the error page).
 */
export function requirementRefusal(
  error: unknown,
  fields: readonly Field[],
): RequirementRefusal | null {
  if (!(error instanceof DomainError)) return null;
  if (error.code === 'quota_exceeded') {
    const quota = {
      remaining: Number(error.details?.remaining ?? 0),
      requested: Number(error.details?.requested ?? 0),
    };
    return {
      quota,
      errors: {
        quotaDecision: `本合同年度接口额度仅剩 ${quota.remaining} 人天，本需求估算 ${quota.requested} 人天，不能计入免费额度`,
      },
    };
  }
  if (error.code !== 'validation_failed') return null;
  const problems = (error.details?.fields ?? []) as FieldProblem[];
  const errors: Record<string, string> = {};
  for (const p of problems.length > 0 ? problems : [{ field: '', message: error.message }]) {
    const where = fields.some((f) => f.name === p.field) ? p.field : FORM_ERROR;
    const text = zh(p.message);
    errors[where] = errors[where] ? `${errors[where]}；${text}` : text;
  }
  return { errors };
}
