import { Injectable } from '@nestjs/common';
import type { ActingContext } from '../kit/acting-context';
import type { FollowUp, FollowUpOpener } from '../kit/process-registry';
import { RequirementSubmissionService } from './requirement-submission.service';

/** A customization request opened from another process's item, submitted by who found it. */
@Injectable()
export class RequirementFollowUp implements FollowUpOpener {
  readonly kind = 'requirement' as const;

  constructor(private readonly submissions: RequirementSubmissionService) {}

  async open(ctx: ActingContext, contractId: string, what: FollowUp) {
    const made = await this.submissions.submit(
      { actor: ctx.actor, requestId: ctx.requestId, idempotencyKey: null, createdBefore: null },
      contractId,
      { title: what.title, description: what.description, system: what.system },
    );
    return { id: made.id, number: made.id };
  }
}
