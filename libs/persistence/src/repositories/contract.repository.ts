import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  withSettingDefaults,
  type ContractSettings,
  type ContractParties,
  type ContractYear,
  type Party,
} from '@luyue/domain';
import { isUniqueViolation } from './pg-error.util';

export interface OrganizationRef {
  id: string;
  name: string;
  party: Party;
}

/** A contract as read: its three organizations by name, its years and its settings. */
export interface ContractRecord extends ContractParties {
  id: string;
  number: string;
  name: string;
  hospital: OrganizationRef;
  vendor: OrganizationRef;
  supervisor: OrganizationRef;
  startDate: string;
  endDate: string;
  years: ContractYear[];
  settings: ContractSettings;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewContract extends ContractParties {
  number: string;
  name: string;
  startDate: string;
  endDate: string;
  settings: ContractSettings;
  years: ContractYear[];
}

interface ContractRow {
  id: string;
  number: string;
  name: string;
  start_date: string;
  end_date: string;
  settings: ContractSettings;
  created_at: Date;
  updated_at: Date;
  h_id: string;
  h_name: string;
  v_id: string;
  v_name: string;
  s_id: string;
  s_name: string;
  years: Array<{ yearNo: number; startDate: string; endDate: string }>;
}

// Dates are formatted in SQL so the pg driver never shifts them through a JS Date.
const SELECT = `
  SELECT c.id, c.number, c.name, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
         to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.settings, c.created_at, c.updated_at,
         h.id AS h_id, h.name AS h_name, v.id AS v_id, v.name AS v_name,
         s.id AS s_id, s.name AS s_name,
         COALESCE((SELECT jsonb_agg(jsonb_build_object(
             'yearNo', y.year_no,
             'startDate', to_char(y.start_date, 'YYYY-MM-DD'),
             'endDate', to_char(y.end_date, 'YYYY-MM-DD')) ORDER BY y.year_no)
           FROM contract_year y WHERE y.contract_id = c.id), '[]'::jsonb) AS years
  FROM contract c
  JOIN organization h ON h.id = c.hospital_organization_id
  JOIN organization v ON v.id = c.vendor_organization_id
  JOIN organization s ON s.id = c.supervisor_organization_id`;

function toRecord(row: ContractRow): ContractRecord {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    hospitalOrganizationId: row.h_id,
    vendorOrganizationId: row.v_id,
    supervisorOrganizationId: row.s_id,
    hospital: { id: row.h_id, name: row.h_name, party: 'hospital' },
    vendor: { id: row.v_id, name: row.v_name, party: 'vendor' },
    supervisor: { id: row.s_id, name: row.s_name, party: 'supervisor' },
    startDate: row.start_date,
    endDate: row.end_date,
    years: row.years,
    settings: withSettingDefaults(row.settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

@Injectable()
export class ContractRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Inserts the contract and its years; a duplicate number is a conflict. */
  async create(manager: EntityManager, contract: NewContract): Promise<string> {
    let id: string;
    try {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO contract (number, name, hospital_organization_id, vendor_organization_id,
           supervisor_organization_id, start_date, end_date, settings)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
        [
          contract.number.trim(),
          contract.name.trim(),
          contract.hospitalOrganizationId,
          contract.vendorOrganizationId,
          contract.supervisorOrganizationId,
          contract.startDate,
          contract.endDate,
          JSON.stringify(contract.settings),
        ],
      );
      id = rows[0].id;
    } catch (error) {
      if (isUniqueViolation(error, 'contract_number_key')) {
        throw new DomainError('conflict', 'contract.number_exists', { number: contract.number });
      }
      throw error;
    }
    for (const year of contract.years) {
      await manager.query(
        `INSERT INTO contract_year (contract_id, year_no, start_date, end_date)
         VALUES ($1, $2, $3, $4)`,
        [id, year.yearNo, year.startDate, year.endDate],
      );
    }
    return id;
  }

  async findById(
    id: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<ContractRecord | null> {
    const rows: ContractRow[] = await manager.query(`${SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByNumber(number: string): Promise<ContractRecord | null> {
    const rows: ContractRow[] = await this.ds.query(`${SELECT} WHERE lower(c.number) = lower($1)`, [
      number.trim(),
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Every contract, or only those an organization is party to. */
  async list(filter: { organizationId?: string } = {}): Promise<ContractRecord[]> {
    const rows: ContractRow[] = filter.organizationId
      ? await this.ds.query(
          `${SELECT} WHERE $1 IN (c.hospital_organization_id, c.vendor_organization_id,
             c.supervisor_organization_id) ORDER BY c.start_date DESC, c.number`,
          [filter.organizationId],
        )
      : await this.ds.query(`${SELECT} ORDER BY c.start_date DESC, c.number`);
    return rows.map(toRecord);
  }

  /** Reads the settings under a row lock, for a read-modify-write in the caller's transaction. */
  async lockSettings(manager: EntityManager, id: string): Promise<ContractSettings | null> {
    const rows: Array<{ settings: ContractSettings }> = await manager.query(
      `SELECT settings FROM contract WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? withSettingDefaults(rows[0].settings) : null;
  }

  async updateSettings(
    manager: EntityManager,
    id: string,
    settings: ContractSettings,
  ): Promise<void> {
    await manager.query(
      `UPDATE contract SET settings = $2::jsonb, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(settings)],
    );
  }
}
