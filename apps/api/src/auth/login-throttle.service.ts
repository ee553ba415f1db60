import { Injectable } from '@nestjs/common';
import { LoginThrottleRepository } from '@luyue/persistence';
import { decideLogin, recordFailure, type LoginDecision } from './login-throttle.policy';

/** Applies the login throttle policy to counters kept in the database (shared by replicas). */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly counters: LoginThrottleRepository) {}

  /** One counter per email as the user lookup reads it (the database's case folding) and address. */
  key(email: string, ip: string): Promise<string> {
    return this.counters.keyOf(email, ip);
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
