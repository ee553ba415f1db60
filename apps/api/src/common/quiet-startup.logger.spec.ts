import type { LoggerService } from '@nestjs/common';
import { quietWiring } from './quiet-startup.logger';

describe('quietWiring', () => {
  it("moves Nest's module and route wiring lines to debug and keeps every other line", () => {
    const seen: Array<[string, unknown]> = [];
    const inner: LoggerService = {
      log: (message: unknown) => seen.push(['log', message]),
      debug: (message: unknown) => seen.push(['debug', message]),
      error: (message: unknown) => seen.push(['error', message]),
      warn: (message: unknown) => seen.push(['warn', message]),
    };
    const logger = quietWiring(inner);
    logger.log('Mapped {/api/requirements, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('api listening on 3000');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('slow');
    expect(seen).toEqual([
      ['debug', 'Mapped {/api/requirements, GET} route'],
      ['debug', 'AppModule dependencies initialized'],
      ['log', 'api listening on 3000'],
      ['log', 'Nest application successfully started'],
      ['warn', 'slow'],
    ]);
  });
});
