import { join } from 'node:path';
import { exitedUnexpectedly, type ChildExit } from './child-process.runner';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded-postgres.launcher';
import type { LogFn } from './log.types';
import { startSmtpSink, type SmtpSink } from './smtp-sink.server';
import { redactUrl } from './stack-summary.formatter';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-dev-server.launcher';
import { supervise } from './restart-supervisor.util';

/** Each port: a number to use, or 0 / absent for a free one. */
export interface StackPorts {
  api?: number;
  temporal?: number;
  temporalUi?: number;
  postgres?: number;
  smtp?: number;
  mailUi?: number;
}

export interface Infrastructure {
  temporalAddress: string;
  temporalUi?: string;
  databaseUrl: string;
  smtpUrl: string;
  /** The in-process SMTP sink, unless SMTP_URL was given. */
  mail?: MailSwitch;
}

/** The SMTP sink, which can be stopped and started again on the same ports and store (tests). */
export interface MailSwitch {
  current(): SmtpSink;
  /** Stops the SMTP server and the mail page; idempotent. */
  stop(): Promise<void>;
  /** Starts a stopped sink again on the same ports, with the messages it had received. */
  start(): Promise<void>;
}

export type InfraPart = 'temporal' | 'postgres' | 'mail';

export interface InfraOptions {
  dataDir: string;
  ports: Pick<StackPorts, 'temporal' | 'temporalUi' | 'postgres' | 'smtp' | 'mailUi'>;
  env: NodeJS.ProcessEnv;
  log: LogFn;
  temporalHeadless?: boolean;
  root?: string;
  /** Called as soon as a part is up, so a failure of another can still stop it. */
  onStarted: (part: InfraPart, stop: () => Promise<void>) => void;
  /** Aborted when the stack stops: no part is started again after that. */
  shutdown?: AbortSignal;
}

/** Temporal, PostgreSQL and the SMTP sink start in parallel; each registers its stop as soon
 * as it is up, so a failure of one still stops the others. Temporal and PostgreSQL are
 * supervised: when one exits on its own it is started again (same port, same data). */
export async function startInfrastructure(options: InfraOptions): Promise<Infrastructure> {
  const { env, log, ports, dataDir, onStarted, shutdown } = options;
  const external = (name: string, value: string): void =>
    log(`[stack] ${name} is set: using ${redactUrl(value)}, starting nothing`);
  if (env.TEMPORAL_ADDRESS) external('TEMPORAL_ADDRESS', env.TEMPORAL_ADDRESS);
  if (env.DATABASE_URL) external('DATABASE_URL', env.DATABASE_URL);
  if (env.SMTP_URL) external('SMTP_URL', env.SMTP_URL);

  const temporalOptions = {
    dataDir: join(dataDir, 'temporal'),
    port: ports.temporal ?? 0,
    uiPort: ports.temporalUi ?? 0,
    headless: options.temporalHeadless,
    log,
    root: options.root,
  };
  const postgresOptions = { dataDir, port: ports.postgres ?? 0, database: 'luyue', log };
  const [temporal, postgres, mail] = await Promise.allSettled([
    env.TEMPORAL_ADDRESS
      ? undefined
      : startTemporalDevServer(temporalOptions).then((server) => {
          const supervised = supervise<ChildExit, TemporalDevServer>({
            what: 'the Temporal dev server',
            first: server,
            restart: () =>
              startTemporalDevServer({
                ...temporalOptions,
                port: server.port,
                uiPort: server.uiPort,
              }),
            unexpected: exitedUnexpectedly,
            log,
            shutdown,
          });
          onStarted('temporal', () => supervised.stop());
          return server;
        }),
    env.DATABASE_URL
      ? undefined
      : startEmbeddedPostgres(postgresOptions).then((server) => {
          const supervised = supervise<ChildExit, EmbeddedPostgresServer>({
            what: 'PostgreSQL',
            first: server,
            restart: () => startEmbeddedPostgres({ ...postgresOptions, port: server.port }),
            unexpected: exitedUnexpectedly,
            log,
            shutdown,
          });
          onStarted('postgres', () => supervised.stop());
          return server;
        }),
    env.SMTP_URL
      ? undefined
      : startMailSwitch(join(dataDir, 'mail', 'messages.jsonl'), ports, log).then((mail) => {
          onStarted('mail', () => mail.stop());
          return mail;
        }),
  ]);
  const failures = [temporal, postgres, mail].flatMap((result) =>
    result.status === 'rejected' ? [(result.reason as Error).message] : [],
  );
  if (
    temporal.status === 'rejected' ||
    postgres.status === 'rejected' ||
    mail.status === 'rejected'
  ) {
    throw new Error(failures.join('\n'));
  }
  return {
    temporalAddress: env.TEMPORAL_ADDRESS || (temporal.value?.address as string),
    temporalUi: temporal.value?.uiUrl,
    databaseUrl: env.DATABASE_URL || (postgres.value?.url as string),
    smtpUrl: env.SMTP_URL || (mail.value?.current().smtpUrl as string),
    mail: mail.value,
  };
}

async function startMailSwitch(
  storeFile: string,
  ports: InfraOptions['ports'],
  log: LogFn,
): Promise<MailSwitch> {
  let sink = await startSmtpSink({
    smtpPort: ports.smtp ?? 0,
    httpPort: ports.mailUi ?? 0,
    storeFile,
    log,
  });
  let running = true;
  const portOf = (url: string): number => Number(new URL(url).port);
  return {
    current: () => sink,
    stop: async () => {
      running = false;
      await sink.stop();
    },
    start: async () => {
      if (running) return;
      const { smtpUrl, httpUrl } = sink;
      sink = await startSmtpSink({
        smtpPort: portOf(smtpUrl),
        httpPort: portOf(httpUrl),
        storeFile,
        log,
      });
      running = true;
    },
  };
}
