import { simpleParser } from 'mailparser';
import { extractLinks, isAddressedTo, toStoredMail } from './mail-message.mapper';

const RAW = [
  'From: =?UTF-8?B?5bGl57qm?= <noreply@luyue.test>',
  'To: "IT" <it@hospital.test>, vendor@vendor.test',
  'Cc: supervisor@supervisor.test',
  'Subject: =?UTF-8?B?6ZyA5rGC6K+E5Lyw?=',
  'Message-ID: <abc@luyue.test>',
  'X-Luyue-Item: REQ-2026-0001',
  'List-Unsubscribe: <https://luyue.test/unsubscribe>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Decide here: https://luyue.test/links/t1?a=1&b=2.',
  '--b',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p><a href="https://luyue.test/links/t1?a=1&amp;b=2">decide</a> <a href="mailto:x@y.z">mail</a></p>',
  '--b--',
  '',
].join('\r\n');

describe('toStoredMail', () => {
  it('keeps addresses, decoded subject, headers of interest and links', async () => {
    const parsed = await simpleParser(RAW);
    const mail = toStoredMail(
      parsed,
      { from: 'noreply@luyue.test', to: ['it@hospital.test', 'audit@hospital.test'] },
      new Date('2026-03-02T01:02:03Z'),
    );
    expect(mail).toMatchObject({
      messageId: '<abc@luyue.test>',
      from: '"履约" <noreply@luyue.test>',
      to: ['it@hospital.test', 'vendor@vendor.test'],
      cc: ['supervisor@supervisor.test'],
      envelope: { from: 'noreply@luyue.test', to: ['it@hospital.test', 'audit@hospital.test'] },
      subject: '需求评估',
      headers: {
        'x-luyue-item': 'REQ-2026-0001',
        'list-unsubscribe': '<https://luyue.test/unsubscribe>',
      },
      links: ['https://luyue.test/links/t1?a=1&b=2'],
      receivedAt: '2026-03-02T01:02:03.000Z',
    });
    expect(mail.id).toMatch(/^[0-9a-z]+-[0-9a-f]{6}$/);
    expect(mail.html).toContain('decide');
    expect(mail.text).toContain('Decide here');
  });
});

describe('extractLinks', () => {
  it('reads href attributes and bare URLs, drops trailing punctuation and duplicates', () => {
    expect(
      extractLinks(
        `<a href='https://a.test/x?y=1&#38;z=2'>x</a><a href="javascript:alert(1)">no</a>`,
        'see https://a.test/x?y=1&z=2. and (http://b.test/p)，然后 https://c.test/中文。',
      ),
    ).toEqual(['https://a.test/x?y=1&z=2', 'http://b.test/p', 'https://c.test/中文']);
  });
});

describe('isAddressedTo', () => {
  it('matches To, Cc and envelope (Bcc) recipients case-insensitively', () => {
    const mail = { to: ['A@x.test'], cc: ['b@x.test'], envelope: { to: ['hidden@x.test'] } };
    const stored = mail as unknown as Parameters<typeof isAddressedTo>[0];
    expect(isAddressedTo(stored, 'a@X.test')).toBe(true);
    expect(isAddressedTo(stored, 'b@x.test')).toBe(true);
    expect(isAddressedTo(stored, 'hidden@x.test')).toBe(true);
    expect(isAddressedTo(stored, 'other@x.test')).toBe(false);
  });
});
