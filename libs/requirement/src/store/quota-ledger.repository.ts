import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, withSettingDefaults, type ContractSettings } from '@luyue/domain';
import { summarizeQuota, type QuotaEntry, type QuotaEntryType } from '../quota.calculator';
import type { QuotaView } from './requirement.read-models';

interface QuotaEntryRow {
  requirement_id: string;
  type: QuotaEntryType;
  person_days: string;
  at: Date;
  change_request_id: string | null;
}

const toQuotaEntry = (r: QuotaEntryRow): QuotaEntry => ({
  requirementId: r.requirement_id,
  type: r.type,
  personDays: Number(r.person_days),
  at: r.at.toISOString(),
  changeRequestId: r.change_request_id,
});

/** The interface quota of each contract year (rule 2): an append-only ledger of entries. */
@Injectable()
export class QuotaLedgerRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Locks the contract year (`FOR NO KEY UPDATE`, which still lets foreign-key checks into the
   * year pass) so quota operations of that year run one after another across workflows and
   * workers, and returns the year's total with all its entries, oldest first.
   */
  async lockYear(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
  ): Promise<{ total: number; entries: QuotaEntry[] }> {
    const years: Array<{ settings: Partial<ContractSettings> }> = await manager.query(
      `SELECT c.settings FROM contract_year y JOIN contract c ON c.id = y.contract_id
       WHERE y.contract_id = $1 AND y.year_no = $2
       FOR NO KEY UPDATE OF y`,
      [contractId, contractYear],
    );
    if (!years[0]) throw new Error(`contract ${contractId} has no year ${contractYear}`);
    return {
      total: withSettingDefaults(years[0].settings).interfaceQuotaPersonDays,
      entries: await this.entries(manager, contractId, contractYear),
    };
  }

  async append(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
    transitionSeq: number,
    entries: QuotaEntry[],
  ): Promise<void> {
    for (const e of entries) {
      await manager.query(
        `INSERT INTO quota_entry (contract_id, contract_year, requirement_id, seq, type,
           person_days, at, change_request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          contractId,
          contractYear,
          e.requirementId,
          transitionSeq,
          e.type,
          e.personDays,
          e.at,
          e.changeRequestId ?? null,
        ],
      );
    }
  }

  /** The quota of a contract year; not_found when the year does not exist. */
  async quota(contractId: string, contractYear: number): Promise<QuotaView> {
    const years: Array<{ settings: Partial<ContractSettings> }> = await this.ds.query(
      `SELECT c.settings FROM contract_year y JOIN contract c ON c.id = y.contract_id
       WHERE y.contract_id = $1 AND y.year_no = $2`,
      [contractId, contractYear],
    );
    if (!years[0]) {
      throw new DomainError('not_found', 'contract.year_not_found', { year: contractYear });
    }
    const entries = await this.entries(this.ds.manager, contractId, contractYear);
    const total = withSettingDefaults(years[0].settings).interfaceQuotaPersonDays;
    return {
      ...summarizeQuota(total, entries),
      year: contractYear,
      entries: entries.map((e) => ({ ...e, changeRequestId: e.changeRequestId ?? null })),
    };
  }

  private async entries(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
  ): Promise<QuotaEntry[]> {
    const rows: QuotaEntryRow[] = await manager.query(
      `SELECT requirement_id, type, person_days, at, change_request_id FROM quota_entry
       WHERE contract_id = $1 AND contract_year = $2 ORDER BY id`,
      [contractId, contractYear],
    );
    return rows.map(toQuotaEntry);
  }
}
