import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@luyue/domain';
import { ContractAccessService } from '../contracts/contract-access.service';
import { actorInContract } from '../kit/access.decision';
import { WORK_QUEUES, type WorkQueue } from '../kit/process-registry';

/** One tab of the dashboard: its queue, what waits for the viewer there and what he only may do. */
export interface QueueTab {
  queue: WorkQueue;
  decide: number;
  optional: number;
}

const COUNT_ONLY = { order: 'asc', page: 1, pageSize: 0 } as const;

/** The registered processes' queues of one viewer in one contract, counted (for tabs and the nav). */
@Injectable()
export class WorkQueuesService {
  constructor(
    private readonly access: ContractAccessService,
    @Inject(WORK_QUEUES) readonly queues: WorkQueue[],
  ) {}

  /** The viewer as he acts in the contract (his party and roles there). */
  async actingIn(actor: Actor, contractId: string): Promise<Actor> {
    return actorInContract(actor, await this.access.requireParty(actor, contractId));
  }

  tabs(acting: Actor, contractId: string): Promise<QueueTab[]> {
    return Promise.all(
      this.queues.map(async (queue) => {
        const [decide, optional] = await Promise.all(
          (['decide', 'optional'] as const).map(
            async (scope) =>
              (await queue.waitingFor(acting, contractId, { scope, ...COUNT_ONLY })).total,
          ),
        );
        return { queue, decide, optional };
      }),
    );
  }
}
