import { JwtService } from '@nestjs/jwt';
import { SessionTokenService } from './session-token.service';

const secret = 'j'.repeat(32);
const service = new SessionTokenService(
  new JwtService({ secret, signOptions: { algorithm: 'HS256' } }),
);

describe('session tokens', () => {
  it('round-trips user and session for the kind it was signed for', async () => {
    const token = await service.sign('access', 'user-1', 'session-1');
    await expect(service.verify('access', token)).resolves.toEqual({
      userId: 'user-1',
      sessionId: 'session-1',
    });
  });

  it('does not accept a cookie token as a Bearer token or the reverse', async () => {
    const cookie = await service.sign('session', 'user-1', 'session-1');
    const access = await service.sign('access', 'user-1', 'session-1');
    await expect(service.verify('access', cookie)).resolves.toBeNull();
    await expect(service.verify('session', access)).resolves.toBeNull();
  });

  it('refuses a changed token, another secret and an unsigned (alg none) token', async () => {
    const token = await service.sign('access', 'user-1', 'session-1');
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'admin' }),
    ).toString('base64url');
    await expect(
      service.verify('access', `${header}.${forgedPayload}.${signature}`),
    ).resolves.toBeNull();
    const other = new SessionTokenService(new JwtService({ secret: 'x'.repeat(32) }));
    await expect(other.verify('access', token)).resolves.toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expect(service.verify('access', `${none}.${payload}.`)).resolves.toBeNull();
  });

  it('refuses an expired token', async () => {
    const jwt = new JwtService({ secret });
    const expired = await jwt.signAsync(
      { sub: 'user-1', sid: 'session-1', typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 },
      { issuer: 'luyue', audience: 'access' },
    );
    await expect(service.verify('access', expired)).resolves.toBeNull();
  });
});
