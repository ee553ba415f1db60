import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Party } from '@luyue/domain';
import { OrganizationEntity } from '../entities';
import { isUniqueViolation } from './pg-error.util';

@Injectable()
export class OrganizationRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Names are unique whatever their case; a duplicate is a conflict. */
  async create(manager: EntityManager, name: string, party: Party): Promise<OrganizationEntity> {
    try {
      const rows: OrganizationEntity[] = await manager.query(
        `INSERT INTO organization (name, party) VALUES ($1, $2)
         RETURNING id, name, party, created_at AS "createdAt"`,
        [name.trim(), party],
      );
      return rows[0];
    } catch (error) {
      if (isUniqueViolation(error, 'organization_name_key')) {
        throw new DomainError('conflict', 'organization.name_exists', { name });
      }
      throw error;
    }
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.ds.getRepository(OrganizationEntity).findOneBy({ id });
  }

  async findByName(name: string): Promise<OrganizationEntity | null> {
    const rows: OrganizationEntity[] = await this.ds.query(
      `SELECT id, name, party, created_at AS "createdAt" FROM organization
       WHERE lower(name) = lower($1)`,
      [name.trim()],
    );
    return rows[0] ?? null;
  }

  list(): Promise<OrganizationEntity[]> {
    return this.ds.getRepository(OrganizationEntity).find({ order: { party: 'ASC', name: 'ASC' } });
  }
}
