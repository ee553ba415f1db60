import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Party, type Role } from '@luyue/domain';
import { isUniqueViolation } from './pg-error.util';

/** A user with its organization, without the password hash. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: Role[];
  disabledAt: Date | null;
  organization: { id: string; name: string; party: Party };
}

export interface NewUser {
  email: string;
  name: string;
  phone: string | null;
  organizationId: string;
  roles: Role[];
  passwordHash: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: Role[];
  disabled_at: Date | null;
  organization_id: string;
  organization_name: string;
  party: Party;
  password_hash?: string;
}

export const USER_SELECT = `
  u.id, u.email, u.name, u.phone, u.roles, u.disabled_at,
  o.id AS organization_id, o.name AS organization_name, o.party`;

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    roles: row.roles,
    disabledAt: row.disabled_at,
    organization: { id: row.organization_id, name: row.organization_name, party: row.party },
  };
}

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Emails are unique whatever their case; a duplicate is a conflict. */
  async create(manager: EntityManager, user: NewUser): Promise<string> {
    try {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO app_user (email, name, phone, organization_id, roles, password_hash)
         VALUES ($1, $2, $3, $4, $5::text[], $6) RETURNING id`,
        [
          user.email.trim(),
          user.name.trim(),
          user.phone,
          user.organizationId,
          user.roles,
          user.passwordHash,
        ],
      );
      return rows[0].id;
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) {
        throw new DomainError('conflict', 'user.email_exists', { email: user.email });
      }
      throw error;
    }
  }

  async findById(id: string): Promise<UserRecord | null> {
    const rows: UserRow[] = await this.ds.query(
      `SELECT ${USER_SELECT} FROM app_user u JOIN organization o ON o.id = u.organization_id
       WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? toUserRecord(rows[0]) : null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const found = await this.findCredentials(email);
    return found?.user ?? null;
  }

  /** For login only: the user and its password hash. */
  async findCredentials(email: string): Promise<{ user: UserRecord; passwordHash: string } | null> {
    const rows: UserRow[] = await this.ds.query(
      `SELECT ${USER_SELECT}, u.password_hash FROM app_user u
       JOIN organization o ON o.id = u.organization_id
       WHERE lower(u.email) = lower($1)`,
      [email.trim()],
    );
    const row = rows[0];
    return row ? { user: toUserRecord(row), passwordHash: row.password_hash ?? '' } : null;
  }

  async setPasswordHash(manager: EntityManager, userId: string, hash: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`,
      [userId, hash],
    );
  }

  /** Every user, or one organization's, by organization then email. */
  async list(filter: { organizationId?: string } = {}): Promise<UserRecord[]> {
    const rows: UserRow[] = await this.ds.query(
      `SELECT ${USER_SELECT} FROM app_user u JOIN organization o ON o.id = u.organization_id
       WHERE ($1::uuid IS NULL OR o.id = $1) ORDER BY o.party, lower(o.name), lower(u.email)`,
      [filter.organizationId ?? null],
    );
    return rows.map(toUserRecord);
  }

  /** The user, its row locked until the transaction ends (read-modify-write of roles). */
  async lockById(manager: EntityManager, id: string): Promise<UserRecord | null> {
    const rows: UserRow[] = await manager.query(
      `SELECT ${USER_SELECT} FROM app_user u JOIN organization o ON o.id = u.organization_id
       WHERE u.id = $1 FOR UPDATE OF u`,
      [id],
    );
    return rows[0] ? toUserRecord(rows[0]) : null;
  }

  async setRoles(manager: EntityManager, userId: string, roles: Role[]): Promise<void> {
    await manager.query(
      `UPDATE app_user SET roles = $2::text[], updated_at = now() WHERE id = $1`,
      [userId, roles],
    );
  }

  /** Disables (now) or re-enables the user; false when it already was so. */
  async setDisabled(manager: EntityManager, userId: string, disabled: boolean): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH r AS (UPDATE app_user
                  SET disabled_at = CASE WHEN $2 THEN now() ELSE NULL END, updated_at = now()
                  WHERE id = $1 AND (disabled_at IS NULL) = $2 RETURNING id)
       SELECT id FROM r`,
      [userId, disabled],
    );
    return rows.length > 0;
  }

  async listByOrganization(organizationId: string): Promise<UserRecord[]> {
    const rows: UserRow[] = await this.ds.query(
      `SELECT ${USER_SELECT} FROM app_user u JOIN organization o ON o.id = u.organization_id
       WHERE o.id = $1 ORDER BY lower(u.email)`,
      [organizationId],
    );
    return rows.map(toUserRecord);
  }
}
