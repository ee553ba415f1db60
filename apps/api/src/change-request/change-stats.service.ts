import { Injectable } from '@nestjs/common';
import { CHANGE_STATUSES, type ChangeStatus } from '@luyue/change-request/definitions';
import { PARTIES, type Party, type Actor } from '@luyue/domain';
import { ChangeRequestQueryRepository } from '@luyue/change-request';
import { ContractAccessService } from '../contracts/contract-access.service';
import { contractYearNo } from '../contracts/contract-year';
import type { ChangeStatsDto } from './dto/change-stats.dto';

/** The change requests of a contract year for the yearly report, silent parties included. */
@Injectable()
export class ChangeStatsService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly queries: ChangeRequestQueryRepository,
  ) {}

  async stats(actor: Actor, contractId: string, year?: number): Promise<ChangeStatsDto> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const yearNo = contractYearNo(contract, year);
    const [counts, breaches] = await Promise.all([
      this.queries.yearCounts(contractId, yearNo),
      this.queries.breaches(contractId, yearNo),
    ]);
    const byStatus = Object.fromEntries(CHANGE_STATUSES.map((s) => [s, 0])) as Record<
      ChangeStatus,
      number
    >;
    for (const { status, n } of counts.byStatus) byStatus[status] = n;
    const silentBreaches = Object.fromEntries(PARTIES.map((p) => [p, 0])) as Record<Party, number>;
    for (const { party, n } of counts.breachesByParty) silentBreaches[party] = n;
    return {
      contractYear: yearNo,
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      silentBreaches,
      breaches: breaches.map((b) => ({ ...b, dueAt: new Date(b.dueAt).toISOString() })),
    };
  }
}
