import { FIELD_LABELS, MAIL_FACT_LABELS, personDays } from '@luyue/domain';
import { type RequirementTransitionInput } from '../requirement-transition.types';

/** The few facts worth a line in the mail, by step. */
export function requirementMailFacts(
  input: RequirementTransitionInput,
): Array<{ label: string; value: string }> {
  const facts: Array<{ label: string; value: string }> = [];
  const { state } = input;
  switch (input.action) {
    case 'assess':
      facts.push(
        { label: MAIL_FACT_LABELS.estimate, value: personDays(input.payload.estimatePersonDays) },
        {
          label: FIELD_LABELS['requirement.plannedDeliveryDate'],
          value: input.payload.plannedDeliveryDate,
        },
        { label: FIELD_LABELS['requirement.solution'], value: input.payload.solution },
      );
      if (input.payload.alternativeSolution) {
        facts.push({
          label: MAIL_FACT_LABELS.freeAlternative,
          value: input.payload.alternativeSolution,
        });
      }
      break;
    case 'reject':
    case 'cancel':
      facts.push({ label: FIELD_LABELS['requirement.reason'], value: input.payload.reason });
      break;
    case 'replan':
      facts.push(
        {
          label: FIELD_LABELS['requirement.newPlannedDeliveryDate'],
          value: input.payload.plannedDeliveryDate,
        },
        { label: FIELD_LABELS['requirement.reason'], value: input.payload.reason },
      );
      break;
    case 'submit-for-testing':
    case 'release':
      facts.push({ label: MAIL_FACT_LABELS.version, value: input.payload.version });
      break;
    case 'pass-testing':
    case 'fail-testing':
      if (input.payload.notes)
        facts.push({ label: MAIL_FACT_LABELS.notes, value: input.payload.notes });
      break;
    case 'accept':
      facts.push({
        label: MAIL_FACT_LABELS.actual,
        value: personDays(state.acceptance?.actualPersonDays ?? 0),
      });
      break;
    case 'approve':
    case 'start-development':
    case 'log-effort':
    case 'assessment_scheduled':
    case 'deadlines_recomputed':
    case 'assessment_reminder':
    case 'assessment_breached':
    case 'delivery_reminder':
    case 'delivery_overdue':
    case 'signoff_reminder':
      break;
  }
  return facts;
}
