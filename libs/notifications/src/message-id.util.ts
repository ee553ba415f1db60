import { createHash } from 'node:crypto';

/** The Message-ID of an outbox mail: derived from its key, so a resend is the same message. */
export function messageIdOf(messageKey: string): string {
  return `<${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}@luyue>`;
}
