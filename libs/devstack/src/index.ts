// Real local infrastructure for `npm start` and the e2e global setup.
export {
  startChild,
  type ChildExit,
  type ChildHandle,
  type ChildSpec,
} from './child-process.runner';
export { backupDataFolder, BackupError, restoreDataFolder } from './data-folder.archiver';
export { loadOrCreateDevSecrets, DEV_SECRET_NAMES, type DevSecrets } from './dev-secrets.util';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type EmbeddedPostgresServer,
} from './embedded-postgres.launcher';
export { waitForHttpOk, type HttpProbeOptions } from './http-health.probe';
export { stdoutLog, type LogFn } from './log.types';
export { extractLinks, isAddressedTo, type StoredMail } from './mail-message.mapper';
export {
  assertPortFree,
  canConnect,
  findFreePort,
  LOOPBACK,
  portOrFree,
  waitForTcp,
} from './ports.util';
export { findRepoRoot, stackDataDir } from './repo-root.util';
export { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from './smtp-sink.server';
export {
  startStack,
  type AppName,
  type MailSwitch,
  type Stack,
  type StackOptions,
  type StackPorts,
  type StackUrls,
} from './stack';
export { redactUrl, renderBox } from './stack-summary.formatter';
export { resolveTemporalCli } from './temporal-cli.resolver';
export {
  startTemporalDevServer,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from './temporal-dev-server.launcher';
export { waitForTemporal } from './temporal-health.probe';
export { privateStackEnv } from './private-stack-env.util';
