import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import { type Actor } from '@luyue/domain';
import { type RequirementStatus } from '@luyue/requirement/definitions';
import { QuotaLedgerRepository, RequirementQueryRepository } from '@luyue/requirement';
import { ContractAccessService } from '../contracts/contract-access.service';
import { contractYearNo } from '../contracts/contract-year';
import type { QuotaDto, RequirementStatsDto } from './dto/requirement-report.dto';
import { RequirementLedgerExporter, type LedgerFile } from './requirement-ledger.exporter';

/** The contract-level reports: yearly statistics, the interface quota, the ledger. */
@Injectable()
export class RequirementReportsService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly requirements: RequirementQueryRepository,
    private readonly quotaLedger: QuotaLedgerRepository,
    private readonly calendars: CalendarService,
    private readonly exporter: RequirementLedgerExporter,
  ) {}

  async stats(actor: Actor, contractId: string, year?: number): Promise<RequirementStatsDto> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const calendar = await this.calendars.calendar();
    return this.requirements.stats(
      contractId,
      contractYearNo(contract, year),
      (a, b) => calendar.workingDaysBetween(a, b).days,
    );
  }

  async quota(actor: Actor, contractId: string, year?: number): Promise<QuotaDto> {
    const contract = await this.contracts.requireParty(actor, contractId);
    return this.quotaLedger.quota(contractId, contractYearNo(contract, year));
  }

  /** Submissions of a contract year by month received and status now, every month of the year. */
  async monthly(
    actor: Actor,
    contractId: string,
    year?: number,
  ): Promise<{
    contractYear: number;
    months: string[];
    counts: Array<{ month: string; status: RequirementStatus; count: number }>;
  }> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const yearNo = contractYearNo(contract, year);
    const span = contract.years.find((y) => y.yearNo === yearNo)!;
    const months: string[] = [];
    for (let m = span.startDate.slice(0, 7); m <= span.endDate.slice(0, 7);) {
      months.push(m);
      const [y, mm] = m.split('-').map(Number);
      m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
    }
    return {
      contractYear: yearNo,
      months,
      counts: await this.requirements.monthlyByStatus(contractId, yearNo),
    };
  }

  /** Every request of the contract, or of one contract year when `year` is given. */
  async ledger(actor: Actor, contractId: string, year?: number): Promise<LedgerFile> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const yearNo = year === undefined ? undefined : contractYearNo(contract, year);
    const rows = await this.requirements.ledger(contractId, yearNo);
    return this.exporter.export(contract, rows, yearNo);
  }
}
