import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LinkTokenPayload } from '@luyue/domain';
import { LinkTokenEntity } from '../entities';

const COLUMNS = `jti, purpose, subject_type AS "subjectType", subject_id AS "subjectId", party,
  recipient, contract_id AS "contractId", issued_at AS "issuedAt", expires_at AS "expiresAt",
  used_at AS "usedAt"`;

@Injectable()
export class LinkTokenRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Records an issued token; pass the manager of the transaction that queues its mail. */
  async insert(payload: LinkTokenPayload, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.query(
      `INSERT INTO link_token (jti, purpose, subject_type, subject_id, party, recipient,
         contract_id, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        payload.jti,
        payload.purpose,
        payload.subjectType,
        payload.subjectId,
        payload.party,
        payload.recipient,
        payload.contractId,
        payload.issuedAt,
        payload.expiresAt,
      ],
    );
  }

  /**
   * Marks the token used if it is unused and unexpired, atomically: of two concurrent
   * redemptions exactly one gets the row. Null means refused; `find` tells why.
   */
  async consume(manager: EntityManager, jti: string): Promise<LinkTokenEntity | null> {
    const rows: LinkTokenEntity[] = await manager.query(
      `WITH used AS (
         UPDATE link_token SET used_at = now()
         WHERE jti = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING *)
       SELECT ${COLUMNS} FROM used`,
      [jti],
    );
    return rows[0] ?? null;
  }

  async find(jti: string): Promise<LinkTokenEntity | null> {
    const rows: LinkTokenEntity[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM link_token WHERE jti = $1`,
      [jti],
    );
    return rows[0] ?? null;
  }
}
