import type { Request } from 'express';
import type { Actor, LinkTokenPayload } from '@luyue/domain';
/** What the auth guard attaches to a request it let through; `id` comes from pino-http. */
export type AuthenticatedRequest = Request & {
  id?: string;
  actor?: Actor;
  /** The login session behind a user's token or cookie (absent for the operator). */
  sessionId?: string;
  /** The email link the actor came with, on @LinkPrincipal() routes. */
  link?: LinkTokenPayload;
  /** On a keyed creation: what an earlier try with its `Idempotency-Key` committed, if anything. */
  createdBefore?: string | null;
};
