import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '@luyue/config';

export interface OutgoingMail {
  /** Stable per message key, so a resend after a crash carries the same Message-ID. */
  messageId: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
}

@Injectable()
export class MailTransportService implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    // Bounded so that a send always ends well within the outbox lease.
    this.transporter = nodemailer.createTransport({
      url: config.SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 15_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
