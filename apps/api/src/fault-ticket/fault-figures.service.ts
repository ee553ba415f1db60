import { Injectable } from '@nestjs/common';
import type { Actor } from '@luyue/domain';
import {
  yearFigures,
  type FaultFigures,
  type FaultTicketState,
  type LevelFigures,
} from '@luyue/fault-ticket/definitions';
import { FaultTicketQueryRepository } from '@luyue/fault-ticket';
import type { ContractRecord } from '@luyue/persistence';
import { ContractAccessService } from '../contracts/contract-access.service';
import { contractYearNo } from '../contracts/contract-year';
import { FaultLedgerExporter } from './fault-figures.exporter';

export interface FaultYearFigures {
  contractYear: number;
  levels: LevelFigures[];
  total: FaultFigures;
}

/** A contract year's fault figures and its ledger, for the contract's parties. */
@Injectable()
export class FaultFiguresService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly tickets: FaultTicketQueryRepository,
    private readonly exporter: FaultLedgerExporter,
  ) {}

  async figures(actor: Actor, contractId: string, year?: number): Promise<FaultYearFigures> {
    const { contractYear, states } = await this.year(actor, contractId, year);
    return { contractYear, ...yearFigures(states) };
  }

  async ledger(
    actor: Actor,
    contractId: string,
    year?: number,
  ): Promise<{ filename: string; content: Buffer }> {
    const { contract, contractYear, states } = await this.year(actor, contractId, year);
    return this.exporter.export(contract, contractYear, states);
  }

  /** The year asked for (default the current one) and its tickets' states, oldest report first. */
  private async year(
    actor: Actor,
    contractId: string,
    year?: number,
  ): Promise<{ contract: ContractRecord; contractYear: number; states: FaultTicketState[] }> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const contractYear = contractYearNo(contract, year);
    const rows = await this.tickets.ofYear(contractId, contractYear);
    return { contract, contractYear, states: rows.flatMap((r) => (r.state ? [r.state] : [])) };
  }
}
