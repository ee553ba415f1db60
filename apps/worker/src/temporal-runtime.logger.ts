import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';

const LEVELS: Record<string, number> = { TRACE: 10, DEBUG: 20, INFO: 30, WARN: 40, ERROR: 50 };

/**
 * Routes the Temporal SDK's own log (worker state, workflow and activity failures) to stdout as
 * JSON lines shaped like the app's pino logs, so one log pipeline reads both.
 */
export function installTemporalRuntimeLogger(level: string): void {
  const sdkLevel =
    level === 'debug' || level === 'trace' ? 'DEBUG' : level === 'info' ? 'INFO' : 'WARN';
  const write = (entry: LogEntry): void => {
    const line = {
      level: LEVELS[entry.level] ?? 30,
      time: Number(entry.timestampNanos / 1_000_000n),
      app: 'worker',
      context: 'temporal-sdk',
      msg: entry.message,
      ...entry.meta,
    };
    process.stdout.write(
      `${JSON.stringify(line, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`,
    );
  };
  Runtime.install({ logger: new DefaultLogger(sdkLevel, write) });
}
