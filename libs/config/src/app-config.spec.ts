import { ConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/luyue',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  ADMIN_TOKEN: 'a'.repeat(16),
  JWT_SECRET: 'j'.repeat(32),
  LINK_TOKEN_SECRET: 'l'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults and parses numbers', () => {
    const config = loadConfig({ ...valid, PORT: '3100' });
    expect(config.PORT).toBe(3100);
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.TEMPORAL_TASK_QUEUE).toBe('luyue');
    expect(config.embedded).toBe(false);
  });

  it('names each bad variable', () => {
    expect(() => loadConfig({ ...valid, PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT="eighty".*\n.*DATABASE_URL="mysql:\/\/x": must be a postgres/s,
    );
  });

  it('refuses missing secrets without echoing them', () => {
    let error: unknown;
    try {
      loadConfig({ ...valid, JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('JWT_SECRET=(hidden): must be at least 32');
    expect((error as ConfigError).message).not.toContain('short');
  });

  it('requires DATABASE_URL', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(/DATABASE_URL=\(unset\)/);
  });
});
