import type { RequirementAction, RequirementEvent } from '@luyue/domain';
import type { RequirementTransitionInput } from '@luyue/temporal/definitions';

/** zh-CN wording of each step's mail, filled into templates/mail/requirement-notice.*.hbs. */
export const REQUIREMENT_STEP_HEADLINES: Readonly<
  Record<RequirementAction | RequirementEvent, string>
> = {
  assessment_scheduled: '收到新的需求，请在期限内完成技术评估',
  deadlines_recomputed: '需求期限已按正式节假日安排重新计算',
  assessment_reminder: '需求技术评估即将到期',
  assessment_breached: '需求技术评估已超期',
  delivery_reminder: '需求计划交付日期临近，如需延期请至少提前一周告知',
  delivery_overdue: '需求已超过计划交付日期',
  signoff_reminder: '需求已发布，请尽快验收签字',
  assess: '需求技术评估已完成，请审批',
  approve: '需求已批准，可以开始开发',
  reject: '需求已驳回',
  'start-development': '需求已开始开发',
  'log-effort': '已登记工作量',
  'submit-for-testing': '需求已提交测试，请进行用户验收测试（UAT）',
  'pass-testing': '需求测试已通过，可以发布',
  'fail-testing': '需求测试未通过，请修改后重新提交',
  release: '需求已发布，请验收并签署需求验收确认单',
  accept: '需求已验收',
  replan: '需求计划交付日期已调整',
  cancel: '需求已取消',
};

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
