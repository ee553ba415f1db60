import { Injectable } from '@nestjs/common';
import type { FaultLevel } from '@luyue/fault-ticket/definitions';
import type { ActingContext } from '../kit/acting-context';
import type { FollowUp, FollowUpOpener } from '../kit/process-registry';
import { FaultTicketsService } from './fault-tickets.service';

/** A fault ticket opened from another process's item, reported now by whoever found it. */
@Injectable()
export class FaultFollowUp implements FollowUpOpener {
  readonly kind = 'fault_ticket' as const;

  constructor(private readonly tickets: FaultTicketsService) {}

  async open(ctx: ActingContext, contractId: string, what: FollowUp) {
    const ticket = await this.tickets.report(
      { actor: ctx.actor, requestId: ctx.requestId, idempotencyKey: null, createdBefore: null },
      contractId,
      {
        system: what.system,
        level: (what.level ?? 'level_3') as FaultLevel,
        title: what.title,
        description: what.description,
      },
    );
    return { id: ticket.id, number: ticket.number };
  }
}
