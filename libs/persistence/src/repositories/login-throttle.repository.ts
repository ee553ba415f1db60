import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LoginThrottleState {
  failures: number;
  lastFailedAt: Date | null;
  lockedUntil: Date | null;
}

const EMPTY: LoginThrottleState = { failures: 0, lastFailedAt: null, lockedUntil: null };

interface Row {
  failures: number;
  last_failed_at: Date | null;
  locked_until: Date | null;
}

const toState = (row: Row | undefined): LoginThrottleState =>
  row
    ? { failures: row.failures, lastFailedAt: row.last_failed_at, lockedUntil: row.locked_until }
    : { ...EMPTY };

/** Failed-login counters shared by every api instance. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The counter's key for an email and a client address: hashed so neither is stored in clear,
   * the email folded by the database's lower(), the very folding of the user lookup
   * (UserRepository.findCredentials), so no spelling of an email escapes its own counter.
   */
  async keyOf(email: string, ip: string): Promise<string> {
    const rows: Array<{ key: string }> = await this.ds.query(
      `SELECT encode(sha256(convert_to(lower($1::text) || E'\n' || $2::text, 'UTF8')), 'hex') AS key`,
      [email.trim(), ip],
    );
    return rows[0].key;
  }

  async read(key: string): Promise<LoginThrottleState> {
    const rows: Row[] = await this.ds.query(
      `SELECT failures, last_failed_at, locked_until FROM login_throttle WHERE key = $1`,
      [key],
    );
    return toState(rows[0]);
  }

  /** Applies `next` to the row under a lock, so parallel failures are all counted. */
  async update(
    key: string,
    next: (current: LoginThrottleState) => LoginThrottleState,
  ): Promise<LoginThrottleState> {
    return this.ds.transaction(async (m) => {
      await m.query(`INSERT INTO login_throttle (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`, [
        key,
      ]);
      const rows: Row[] = await m.query(
        `SELECT failures, last_failed_at, locked_until FROM login_throttle WHERE key = $1
         FOR UPDATE`,
        [key],
      );
      const state = next(toState(rows[0]));
      await m.query(
        `UPDATE login_throttle SET failures = $2, last_failed_at = $3, locked_until = $4
         WHERE key = $1`,
        [key, state.failures, state.lastFailedAt, state.lockedUntil],
      );
      return state;
    });
  }

  async clear(key: string): Promise<void> {
    await this.ds.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
