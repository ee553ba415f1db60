import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@luyue/config';
import {
  DomainError,
  type LinkTokenClaims,
  type LinkTokenPayload,
  type LinkTokenRefusal,
} from '@luyue/domain';
import {
  AuditEventRepository,
  LinkTokenRepository,
  TransactionRunner,
  type LinkTokenEntity,
} from '@luyue/persistence';
import { decodeLinkToken, encodeLinkToken } from './link-token.codec';

export interface RedeemOptions {
  /** The transaction that records the decision, so redemption and decision commit together. */
  manager?: EntityManager;
  requestId?: string | null;
}

/**
 * Signed, single-use, expiring tokens for email-link decisions (change-request replies,
 * sign-offs). Every redemption and every refusal is audited.
 */
@Injectable()
export class LinkTokenService {
  constructor(
    private readonly config: AppConfig,
    private readonly tokens: LinkTokenRepository,
    private readonly audit: AuditEventRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Returns the token to put in the link; pass the manager of the transaction sending it. */
  async issue(claims: LinkTokenClaims, manager?: EntityManager): Promise<string> {
    const issuedAt = new Date();
    if (!(claims.expiresAt.getTime() > issuedAt.getTime())) {
      throw new DomainError('validation_failed', 'link.expiry_past', {});
    }
    const payload: LinkTokenPayload = {
      ...claims,
      recipient: claims.recipient.trim().toLowerCase(),
      jti: randomUUID(),
      issuedAt,
    };
    await this.tokens.insert(payload, manager);
    return encodeLinkToken(payload, this.config.LINK_TOKEN_SECRET);
  }

  /** Validates without using the token (the GET confirmation page); nothing is written. */
  async inspect(token: string, expectedPurpose: string): Promise<LinkTokenPayload> {
    const payload = this.verified(token, expectedPurpose);
    if (!payload.ok) throw refusal(payload.reason);
    const row = await this.tokens.find(payload.value.jti);
    const reason = row ? stateRefusal(row) : 'unknown';
    if (reason) throw refusal(reason);
    return payload.value;
  }

  /**
   * Like `inspect` (nothing is used up), but a refusal is audited: the way an email-link page
   * admits its visitor, on GET and POST alike.
   */
  async admit(
    token: string,
    expectedPurpose: string,
    options: RedeemOptions = {},
  ): Promise<LinkTokenPayload> {
    const checked = this.verified(token, expectedPurpose);
    if (!checked.ok) return this.refuse(checked.reason, checked.claims, expectedPurpose, options);
    const row = await this.tokens.find(checked.value.jti);
    const reason = row ? stateRefusal(row) : 'unknown';
    if (reason) return this.refuse(reason, checked.value, expectedPurpose, options);
    return checked.value;
  }

  /** Audits a refusal decided outside this service (a settled item, a recipient gone). */
  async refuseAdmitted(
    reason: LinkTokenRefusal,
    payload: LinkTokenPayload,
    options: RedeemOptions = {},
  ): Promise<never> {
    return this.refuse(reason, payload, payload.purpose, options);
  }

  /** Uses the token once; a second use, an expired or altered token is refused and audited. */
  async redeem(
    token: string,
    expectedPurpose: string,
    options: RedeemOptions = {},
  ): Promise<LinkTokenPayload> {
    const checked = this.verified(token, expectedPurpose);
    if (!checked.ok) return this.refuse(checked.reason, checked.claims, expectedPurpose, options);
    const payload = checked.value;
    const consume = async (m: EntityManager): Promise<LinkTokenEntity | null> => {
      const row = await this.tokens.consume(m, payload.jti);
      if (row) {
        await this.audit.append(m, {
          ...recipientActor(payload),
          action: 'link_token.redeemed',
          subjectType: payload.subjectType,
          subjectId: payload.subjectId,
          contractId: payload.contractId,
          summary: { purpose: payload.purpose, jti: payload.jti },
          requestId: options.requestId ?? null,
        });
      }
      return row;
    };
    const row = options.manager ? await consume(options.manager) : await this.tx.run(consume);
    if (row) return payload;
    const existing = await this.tokens.find(payload.jti);
    const reason = (existing && stateRefusal(existing)) ?? 'unknown';
    return this.refuse(reason, payload, expectedPurpose, options);
  }

  private verified(
    token: string,
    expectedPurpose: string,
  ):
    | { ok: true; value: LinkTokenPayload }
    | { ok: false; reason: LinkTokenRefusal; claims: LinkTokenPayload | null } {
    const decoded = decodeLinkToken(token, this.config.LINK_TOKEN_SECRET);
    if (!decoded.ok) return { ok: false, reason: decoded.reason, claims: null };
    const payload = decoded.payload;
    if (payload.purpose !== expectedPurpose) {
      return { ok: false, reason: 'wrong_purpose', claims: payload };
    }
    if (payload.expiresAt.getTime() <= Date.now()) {
      return { ok: false, reason: 'expired', claims: payload };
    }
    return { ok: true, value: payload };
  }

  /**
   * Audits the refusal in its own transaction (the caller's rolls back on the error), then
   * throws. Claims of an unverified token are not trusted, so they are not recorded.
   */
  private async refuse(
    reason: LinkTokenRefusal,
    claims: LinkTokenPayload | null,
    expectedPurpose: string,
    options: RedeemOptions,
  ): Promise<never> {
    await this.tx.run((m) =>
      this.audit.append(m, {
        ...(claims
          ? recipientActor(claims)
          : { actorType: 'link_recipient', actorId: null, actorEmail: null, party: null }),
        action: 'link_token.refused',
        subjectType: claims?.subjectType ?? 'link_token',
        subjectId: claims?.subjectId ?? 'unverified',
        contractId: claims?.contractId ?? null,
        summary: { reason, expectedPurpose, jti: claims?.jti ?? null },
        requestId: options.requestId ?? null,
      }),
    );
    throw refusal(reason);
  }
}

function recipientActor(p: LinkTokenPayload) {
  return {
    actorType: 'link_recipient' as const,
    actorId: null,
    actorEmail: p.recipient,
    party: p.party,
  };
}

function stateRefusal(row: LinkTokenEntity): LinkTokenRefusal | null {
  if (row.usedAt) return 'already_used';
  if (new Date(row.expiresAt).getTime() <= Date.now()) return 'expired';
  return null;
}

function refusal(reason: LinkTokenRefusal): DomainError {
  return new DomainError('token_invalid', 'link.refused', { reason }, { reason });
}
