import { DomainError, zhOf } from '@luyue/domain';
import { validationRefusal } from '../../kit/console-action';
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
  const refused = validationRefusal(error, fields);
  return refused && { errors: refused.errors };
}
