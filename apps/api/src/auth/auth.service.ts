import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@luyue/config';
import { DomainError, type Actor } from '@luyue/domain';
import {
  AuditEventRepository,
  TransactionRunner,
  UserRepository,
  type UserRecord,
  UserSessionRepository,
} from '@luyue/persistence';
import { PasswordHasherService } from '../identity/password-hasher.service';
import { LoginThrottleService } from './login-throttle.service';
import {
  ACCESS_TOKEN_SECONDS,
  SESSION_SECONDS,
  SessionTokenService,
} from './session-token.service';

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  sessionToken: string;
  sessionId: string;
  sessionExpiresAt: Date;
  user: UserRecord;
}

export interface Credentials {
  /** `Authorization` header, if any. */
  authorization?: string;
  /** The session cookie, if any. */
  sessionCookie?: string;
}

/** The configured ADMIN_TOKEN: an operator credential with the admin role and no party. */
export const OPERATOR: Actor = {
  kind: 'operator',
  userId: 'operator',
  email: 'operator',
  name: 'Operator (ADMIN_TOKEN)',
  organizationId: null,
  party: null,
  roles: ['admin'],
};

export function actorOf(user: UserRecord): Actor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    organizationId: user.organization.id,
    party: user.organization.party,
    roles: user.roles,
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly sessions: UserSessionRepository,
    private readonly tokens: SessionTokenService,
    private readonly passwords: PasswordHasherService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditEventRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Checks the password under the throttle. Every failure gets the same answer and takes
   * about the same time, registered email or not.
   */
  async login(
    email: string,
    password: string,
    client: { ip: string; userAgent: string | null; requestId: string | null },
  ): Promise<LoginResult> {
    const key = await this.throttle.key(email, client.ip);
    const decision = await this.throttle.decide(key);
    if (decision.kind === 'locked') {
      throw new DomainError(
        'rate_limited',
        'auth.too_many_logins',
        {},
        {
          retryAfterSeconds: decision.retryAfterSeconds,
        },
      );
    }
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const found = await this.users.findCredentials(email);
    const ok =
      found && !found.user.disabledAt
        ? await this.passwords.verify(found.passwordHash, password)
        : await this.passwords.verifyNobody(password);
    if (!ok || !found) {
      await this.throttle.failed(key);
      throw new DomainError('unauthenticated', 'auth.wrong_credentials', {});
    }
    await this.throttle.succeeded(key);
    const user = found.user;
    const sessionExpiresAt = new Date(Date.now() + SESSION_SECONDS * 1000);
    const sessionId = await this.tx.run(async (m) => {
      const id = await this.sessions.create(
        m,
        user.id,
        sessionExpiresAt,
        client.ip,
        client.userAgent,
      );
      await this.audit.append(m, {
        actorType: 'user',
        actorId: user.id,
        actorEmail: user.email,
        party: user.organization.party,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        contractId: null,
        summary: { ip: client.ip },
        requestId: client.requestId,
      });
      return id;
    });
    return {
      accessToken: await this.tokens.sign('access', user.id, sessionId),
      expiresIn: ACCESS_TOKEN_SECONDS,
      sessionToken: await this.tokens.sign('session', user.id, sessionId),
      sessionId,
      sessionExpiresAt,
      user,
    };
  }

  /** Ends the session: its access tokens and cookie stop working at once. */
  async logout(
    actor: Actor,
    sessionId: string | undefined,
    requestId: string | null,
  ): Promise<void> {
    if (actor.kind === 'operator') {
      throw new DomainError('invalid_state', 'auth.operator_logout', {});
    }
    if (!sessionId) return;
    await this.tx.run(async (m) => {
      if (!(await this.sessions.revoke(m, sessionId))) return;
      await this.audit.append(m, {
        actorType: 'user',
        actorId: actor.userId,
        actorEmail: actor.email,
        party: actor.party,
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: actor.userId,
        contractId: null,
        summary: {},
        requestId,
      });
    });
  }

  /**
   * The actor behind a request: a Bearer header (the ADMIN_TOKEN or an access token) wins
   * over the session cookie. Null when there is no valid credential.
   */
  async authenticate(
    credentials: Credentials,
  ): Promise<{ actor: Actor; sessionId?: string } | null> {
    let kind: 'access' | 'session';
    let token: string;
    if (credentials.authorization !== undefined) {
      const match = /^Bearer ([^\s]+)$/i.exec(credentials.authorization.trim());
      if (!match) return null;
      token = match[1];
      if (this.isAdminToken(token)) return { actor: OPERATOR };
      kind = 'access';
    } else if (credentials.sessionCookie) {
      token = credentials.sessionCookie;
      kind = 'session';
    } else {
      return null;
    }
    const claims = await this.tokens.verify(kind, token);
    if (!claims) return null;
    const user = await this.sessions.findActiveUser(claims.sessionId);
    if (!user || user.id !== claims.userId) return null;
    return { actor: actorOf(user), sessionId: claims.sessionId };
  }

  private isAdminToken(token: string): boolean {
    const expected = Buffer.from(this.config.ADMIN_TOKEN);
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
