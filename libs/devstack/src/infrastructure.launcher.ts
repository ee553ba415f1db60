import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.launcher';
import type { LogFn } from './log.types';
import { startSmtpSink, type SmtpSink } from './smtp-sink.server';
import { redactUrl } from './stack-summary.formatter';
import { startTemporalDevServer } from './temporal-dev-server.launcher';

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
  mail?: SmtpSink;
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
}

/** Temporal, PostgreSQL and the SMTP sink start in parallel; each registers its stop as soon
 * as it is up, so a failure of one still stops the others. */
export async function startInfrastructure(options: InfraOptions): Promise<Infrastructure> {
  const { env, log, ports, dataDir, onStarted } = options;
  const external = (name: string, value: string): void =>
    log(`[stack] ${name} is set: using ${redactUrl(value)}, starting nothing`);
  if (env.TEMPORAL_ADDRESS) external('TEMPORAL_ADDRESS', env.TEMPORAL_ADDRESS);
  if (env.DATABASE_URL) external('DATABASE_URL', env.DATABASE_URL);
  if (env.SMTP_URL) external('SMTP_URL', env.SMTP_URL);

  const [temporal, postgres, mail] = await Promise.allSettled([
    env.TEMPORAL_ADDRESS
      ? undefined
      : startTemporalDevServer({
          dataDir: join(dataDir, 'temporal'),
          port: ports.temporal ?? 0,
          uiPort: ports.temporalUi ?? 0,
          headless: options.temporalHeadless,
          log,
          root: options.root,
        }).then((server) => {
          onStarted('temporal', () => server.stop());
          return server;
        }),
    env.DATABASE_URL
      ? undefined
      : startEmbeddedPostgres({
          dataDir,
          port: ports.postgres ?? 0,
          database: 'luyue',
          log,
        }).then((server) => {
          onStarted('postgres', () => server.stop());
          return server;
        }),
    env.SMTP_URL
      ? undefined
      : startSmtpSink({
          smtpPort: ports.smtp ?? 0,
          httpPort: ports.mailUi ?? 0,
          storeFile: join(dataDir, 'mail', 'messages.jsonl'),
          log,
        }).then((sink) => {
          onStarted('mail', () => sink.stop());
          return sink;
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
    smtpUrl: env.SMTP_URL || (mail.value?.smtpUrl as string),
    mail: mail.value,
  };
}
