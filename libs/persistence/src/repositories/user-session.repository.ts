import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toUserRecord, USER_SELECT, type UserRecord } from './user.repository';

@Injectable()
export class UserSessionRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async create(
    manager: EntityManager,
    userId: string,
    expiresAt: Date,
    ip: string | null,
    userAgent: string | null,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO user_session (user_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [userId, expiresAt, ip, userAgent?.slice(0, 500) ?? null],
    );
    return rows[0].id;
  }

  /** The session's user, if the session is neither revoked nor expired and the user enabled. */
  async findActiveUser(sessionId: string): Promise<UserRecord | null> {
    const rows: Parameters<typeof toUserRecord>[0][] = await this.ds.query(
      `SELECT ${USER_SELECT} FROM user_session s
       JOIN app_user u ON u.id = s.user_id
       JOIN organization o ON o.id = u.organization_id
       WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
         AND u.disabled_at IS NULL`,
      [sessionId],
    );
    return rows[0] ? toUserRecord(rows[0]) : null;
  }

  /** Returns true when the session was still open. */
  async revoke(manager: EntityManager, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH r AS (UPDATE user_session SET revoked_at = now()
                  WHERE id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM r`,
      [sessionId],
    );
    return rows.length > 0;
  }

  /** Ends every open session of a user (password reset); returns how many were open. */
  async revokeAllForUser(manager: EntityManager, userId: string): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH r AS (UPDATE user_session SET revoked_at = now()
                  WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM r`,
      [userId],
    );
    return rows.length;
  }
}
