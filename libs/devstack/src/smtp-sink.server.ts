import type { Server } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { LogFn } from './log.types';
import { createMailHttpServer } from './mail-http.server';
import { toStoredMail, type StoredMail } from './mail-message.mapper';
import { MailStore } from './mail.store';
import { LOOPBACK, portOrFree } from './ports.util';

export interface SmtpSinkOptions {
  /** 0 picks a free port. */
  smtpPort: number;
  /** Port of the mail page and /dev/mail; 0 picks a free one. */
  httpPort: number;
  /** JSON-lines file that keeps messages across restarts; memory only when omitted. */
  storeFile?: string;
  log?: LogFn;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  smtpUrl: string;
  httpUrl: string;
  /** Received messages in arrival order, optionally only those addressed to `to`. */
  messages(filter?: { to?: string }): StoredMail[];
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/** A local SMTP server that accepts everything (no auth, no TLS), keeps every message and
 * shows them on a page: what the apps send in development and e2e tests. */
export async function startSmtpSink(options: SmtpSinkOptions): Promise<SmtpSink> {
  const log = options.log ?? (() => undefined);
  const store = await MailStore.open(options.storeFile, log);
  const smtp = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    banner: 'luyue local mail sink',
    size: 50 * 1024 * 1024,
    // Pooled nodemailer transports keep connections open; do not wait 30 s for them on stop.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
      };
      simpleParser(stream)
        .then((parsed) => {
          const mail = toStoredMail(parsed, envelope);
          log(`[mail] received "${mail.subject}" for ${envelope.to.join(', ')}`);
          return store.add(mail);
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  smtp.on('error', (error) => log(`[mail] smtp error: ${error.message}`));
  const smtpPort = await portOrFree(options.smtpPort);
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(smtpPort, LOOPBACK, () => {
      smtp.server.off('error', reject);
      resolve();
    });
  }).catch((error: Error) => {
    throw new Error(`SMTP sink cannot listen on ${LOOPBACK}:${smtpPort}: ${error.message}`);
  });

  const http = createMailHttpServer(store);
  const httpPort = await portOrFree(options.httpPort);
  try {
    await listen(http, httpPort);
  } catch (error) {
    await closeSmtp(smtp);
    throw new Error(
      `mail page cannot listen on ${LOOPBACK}:${httpPort}: ${(error as Error).message}`,
    );
  }
  const smtpUrl = `smtp://${LOOPBACK}:${smtpPort}`;
  const httpUrl = `http://${LOOPBACK}:${httpPort}`;
  log(`[mail] SMTP sink at ${smtpUrl}, mail page at ${httpUrl}`);

  let stopping: Promise<void> | undefined;
  return {
    smtpUrl,
    httpUrl,
    messages: (filter) => store.list(filter),
    clear: () => store.clear(),
    stop: () =>
      (stopping ??= (async () => {
        http.closeAllConnections();
        await Promise.all([closeSmtp(smtp), new Promise((done) => http.close(done))]);
        await store.flush();
        log('[mail] stopped');
      })()),
  };
}

async function listen(server: Server, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeSmtp(smtp: SMTPServer): Promise<void> {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
}
