import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LoginThrottleRepository } from '@luyue/persistence';
import { decideLogin, recordFailure, type LoginDecision } from './login-throttle.policy';

/** Applies the login throttle policy to counters kept in the database (shared by replicas). */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly counters: LoginThrottleRepository) {}

  /** Hashed so neither the email nor the address is stored in clear. */
  key(email: string, ip: string): string {
    return createHash('sha256').update(`${email.trim().toLowerCase()}\n${ip}`).digest('hex');
  }

  async decide(key: string): Promise<LoginDecision> {
    return decideLogin(await this.counters.read(key), new Date());
  }

  async failed(key: string): Promise<void> {
    await this.counters.update(key, (state) => recordFailure(state, new Date()));
  }

  succeeded(key: string): Promise<void> {
    return this.counters.clear(key);
  }
}
