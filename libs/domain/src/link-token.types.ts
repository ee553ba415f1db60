import type { Party } from './party.types';

/** What an email-link token allows, bound to one subject, party and recipient. */
export interface LinkTokenClaims {
  /** e.g. `change_request.reply`, `requirement.sign_off`. */
  purpose: string;
  subjectType: string;
  subjectId: string;
  party: Party;
  /** The email address the link was sent to. */
  recipient: string;
  contractId: string | null;
  expiresAt: Date;
}

export interface LinkTokenPayload extends LinkTokenClaims {
  /** Unique id; its row in `link_token` is marked used exactly once. */
  jti: string;
  issuedAt: Date;
}

/** Why a token was refused; shown in the error details, never the token's content. */
export type LinkTokenRefusal =
  | 'malformed'
  | 'bad_signature'
  | 'wrong_purpose'
  | 'expired'
  | 'already_used'
  | 'unknown'
  /** The recipient is no longer an enabled user of the link's party. */
  | 'recipient_gone';
