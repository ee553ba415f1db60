import { DomainError, fieldProblemsOf, fieldProblemZh, zhOf } from '@luyue/domain';
import { FORM_ERROR } from '../../console/admin-fields';
import type { Field } from '../../console/console-field';

/** The quota refusal of an approval: how much is left and what the approver may do instead. */
export interface QuotaRefusal {
  remaining: number;
  requested: number;
}

export interface RequirementRefusal {
  errors: Record<string, string>;
  quota?: QuotaRefusal;
}

/**
 * A service or workflow refusal of a requirement form, as errors beside its fields, so the page
 * can show them with what was typed; null for any other refusal (it gets the error page). The
 * words are the catalogue's for each problem's message key.
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
    return { quota, errors: { quotaDecision: zhOf('quota.exceeded', quota) } };
  }
  if (error.code !== 'validation_failed') return null;
  const problems = fieldProblemsOf(error);
  const errors: Record<string, string> = {};
  for (const p of problems.length > 0 ? problems : [{ field: '', message: error.message }]) {
    const where = fields.some((f) => f.name === p.field) ? p.field : FORM_ERROR;
    const text = fieldProblemZh(p);
    errors[where] = errors[where] ? `${errors[where]}；${text}` : text;
  }
  return { errors };
}
