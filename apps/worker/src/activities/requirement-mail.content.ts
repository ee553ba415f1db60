import type { RequirementTransitionInput } from '@luyue/domain';

/** The few facts worth a line in the mail, by step. */
export function requirementMailFacts(
  input: RequirementTransitionInput,
): Array<{ label: string; value: string }> {
  const facts: Array<{ label: string; value: string }> = [];
  const { state } = input;
  switch (input.action) {
    case 'assess':
      facts.push(
        { label: '评估工作量', value: `${input.payload.estimatePersonDays} 人天` },
        { label: '计划交付日期', value: input.payload.plannedDeliveryDate },
        { label: '技术方案', value: input.payload.solution },
      );
      if (input.payload.alternativeSolution) {
        facts.push({ label: '替代方案（免费）', value: input.payload.alternativeSolution });
      }
      break;
    case 'reject':
    case 'cancel':
      facts.push({ label: '原因', value: input.payload.reason });
      break;
    case 'replan':
      facts.push(
        { label: '新计划交付日期', value: input.payload.plannedDeliveryDate },
        { label: '原因', value: input.payload.reason },
      );
      break;
    case 'submit-for-testing':
    case 'release':
      facts.push({ label: '版本', value: input.payload.version });
      break;
    case 'pass-testing':
    case 'fail-testing':
      if (input.payload.notes) facts.push({ label: '说明', value: input.payload.notes });
      break;
    case 'accept':
      facts.push({
        label: '实际工作量',
        value: `${state.acceptance?.actualPersonDays ?? 0} 人天`,
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
