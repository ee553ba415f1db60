import { Writable } from 'node:stream';
import pino from 'pino';
import { apiLoggerOptions, redactedUrl } from './api-logger.options';

describe('request logging', () => {
  it('never writes a reply link token, in the path or a query parameter', () => {
    const token = 'eyJ2IjoxLCJqIjoiYWJjIn0.c2lnbmF0dXJl';
    expect(redactedUrl(`/change-replies/${token}`)).toBe('/change-replies/[redacted]');
    expect(redactedUrl(`/change-replies/${token}?x=1`)).toBe('/change-replies/[redacted]?x=1');
    expect(redactedUrl(`/api/files/abc?token=${token}&a=b`)).toBe(
      '/api/files/abc?token=[redacted]&a=b',
    );
    expect(redactedUrl('/api/change-requests/CHG-2026-0001')).toBe(
      '/api/change-requests/CHG-2026-0001',
    );
  });

  it("the logger's request serializer writes the redacted url", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const options = apiLoggerOptions().pinoHttp as {
      serializers: pino.LoggerOptions['serializers'];
    };
    const logger = pino({ serializers: options.serializers }, sink);
    logger.info({ req: { id: '1', method: 'GET', url: '/change-replies/secret.sig' } }, 'done');
    expect(lines.join('')).toContain('/change-replies/[redacted]');
    expect(lines.join('')).not.toContain('secret.sig');
  });
});
