import type { StoredMail } from './mail-message.mapper';
import { escapeHtml, renderMailDetail, renderMailList } from './mail-page.renderer';

const mail = (overrides: Partial<StoredMail>): StoredMail => ({
  id: 'm1',
  from: 'luyue <noreply@luyue.test>',
  to: ['it@hospital.test'],
  cc: [],
  envelope: { to: ['it@hospital.test'] },
  subject: 'subject',
  headers: {},
  attachments: [],
  links: [],
  receivedAt: '2026-03-02T01:02:03.000Z',
  ...overrides,
});

describe('escapeHtml', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('renderMailList', () => {
  it('lists newest first with escaped subjects and Asia/Shanghai times', () => {
    const page = renderMailList([
      mail({ id: 'old', subject: 'old' }),
      mail({ id: 'new', subject: '<script>alert(1)</script>' }),
    ]);
    expect(page.indexOf('/messages/new')).toBeLessThan(page.indexOf('/messages/old'));
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('2026-03-02 09:02:03');
  });
});

describe('renderMailDetail', () => {
  it('puts the html body in a sandboxed srcdoc iframe, escaped', () => {
    const page = renderMailDetail(
      mail({ html: '<p onclick="x()">hi</p><script>evil()</script>', text: 'a < b' }),
    );
    expect(page).toContain('<iframe sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(page).toContain('srcdoc="&lt;base target=&quot;_blank&quot;&gt;&lt;p onclick=');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<pre>a &lt; b</pre>');
  });

  it('links only http(s) URLs it extracted', () => {
    const page = renderMailDetail(mail({ links: ['https://luyue.test/a?b=1&c="2"'] }));
    expect(page).toContain('href="https://luyue.test/a?b=1&amp;c=&quot;2&quot;"');
  });
});
