import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MailTransportService, messageIdOf } from '@luyue/notifications';
import { OutboxRepository } from '@luyue/persistence';

const MAX_ATTEMPTS = 8;
/** After a failed attempt: 5 s, 15 s, 45 s… up to 10 min, so 8 attempts span half an hour of a
 * mail server being away instead of milliseconds. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(600_000, 5_000 * 3 ** Math.max(attempts - 1, 0));
// Longer than one send may take (see MailTransportService timeouts), short enough that a crashed
// worker's leased mail goes out soon after.
const LEASE_MS = 30_000;

/**
 * Drains the mail outbox. Rows are leased with SKIP LOCKED so several workers never send the
 * same message at once; the Message-ID derives from the message key, so even the resend after a
 * crash between SMTP accept and `sent` is recognisable as the same message.
 */
@Injectable()
export class OutboxMailerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxMailerService.name);
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: MailTransportService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  /** Sends everything due now; returns how many were sent. */
  async drainOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.outbox.claimDue(20, LEASE_MS);
      if (batch.length === 0) return sent;
      for (const mail of batch) {
        try {
          await this.transport.send({
            messageId: messageIdOf(mail.messageKey),
            to: mail.recipients,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
          });
        } catch (err) {
          const final = mail.attempts >= MAX_ATTEMPTS;
          this.logger.warn(
            `mail ${mail.messageKey} attempt ${mail.attempts} failed: ${String(err)}`,
          );
          await this.outbox.markFailed(mail.id, String(err), final, retryDelayMs(mail.attempts));
          continue;
        }
        // Sent: only `sent` may follow now, never a retry (that would send it twice).
        await this.markSent(mail.id, mail.messageKey);
        sent += 1;
      }
    }
  }

  /** Keeps trying while the lease holds (the database may be away for a moment); past it the
   * mail is sent again under the same Message-ID, which a receiving server can drop. */
  private async markSent(id: string, messageKey: string): Promise<void> {
    const until = Date.now() + LEASE_MS;
    for (;;) {
      try {
        await this.outbox.markSent(id);
        return;
      } catch (err) {
        if (Date.now() > until || this.stopped) throw err;
        this.logger.warn(`marking mail ${messageKey} sent failed, retrying: ${String(err)}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.draining = this.drainOnce()
        .then((n) => (n > 0 ? this.logger.log(`sent ${n} mail(s)`) : undefined))
        .catch((err: unknown) => this.logger.error(`outbox drain failed: ${String(err)}`))
        .finally(() => this.schedule(1000));
    }, delayMs);
  }
}
