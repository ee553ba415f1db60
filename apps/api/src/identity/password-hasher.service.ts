import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;

/** argon2id (memory-hard) with the library defaults: 19 MiB, 2 passes, 1 lane. */
@Injectable()
export class PasswordHasherService {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** False for a wrong password and for a hash that cannot be read. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of a real verification when there is no user to check against, so the
   * answer's timing does not tell whether an email is registered.
   */
  async verifyNobody(password: string): Promise<false> {
    this.dummy ??= hash(randomBytes(16).toString('hex'));
    await this.verify(await this.dummy, password);
    return false;
  }

  /** 16 URL-safe characters (96 random bits), shown once to whoever creates the account. */
  generate(): string {
    return randomBytes(12).toString('base64url');
  }
}
