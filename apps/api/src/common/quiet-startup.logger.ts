import type { LoggerService } from '@nestjs/common';

// Nest's wiring log: one line per module and per route (hundreds) at every start.
const WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** `logger` with Nest's module and route wiring lines at debug level, so a start reads at a glance. */
export function quietWiring(logger: LoggerService): LoggerService {
  return {
    log(message: unknown, ...rest: unknown[]): void {
      if (WIRING.has(String(rest.at(-1)))) logger.debug?.(message, ...rest);
      else logger.log(message, ...rest);
    },
    error(message: unknown, ...rest: unknown[]): void {
      logger.error(message, ...rest);
    },
    warn(message: unknown, ...rest: unknown[]): void {
      logger.warn(message, ...rest);
    },
    debug(message: unknown, ...rest: unknown[]): void {
      logger.debug?.(message, ...rest);
    },
    verbose(message: unknown, ...rest: unknown[]): void {
      logger.verbose?.(message, ...rest);
    },
    fatal(message: unknown, ...rest: unknown[]): void {
      logger.fatal?.(message, ...rest);
    },
  };
}
