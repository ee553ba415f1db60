import type { Params } from 'nestjs-pino';

/** Structured JSON logs; level from LOG_LEVEL. */
export const loggerOptions = (): Params => ({
  pinoHttp: { level: process.env.LOG_LEVEL ?? 'info', base: { app: 'worker' } },
});
