// The targeted part of the fuzz tier: multipart and form bodies (which schemathesis sends only as
// JSON) carrying NUL, lone surrogates and bidi controls, on every kind of form route. Bounded: a
// fixed set of hostile texts on each route, loopback only. Every answer is a refusal (4xx, never
// 5xx), and the api's names the field.
import { demoContractId, demoCredential, loginDemo } from '../helpers/e2e-auth';
import { proposeChange, replyLinkMails, replyLinkOf } from '../helpers/e2e-changes';
import { consoleLogin } from '../helpers/e2e-console';
import { submitRequirement } from '../helpers/e2e-requirements';
import { e2eStack } from '../helpers/e2e-stack';
import { api } from '../helpers/e2e-auth';

// What PostgreSQL cannot store, alone and inside ordinary Chinese text. A lone surrogate cannot
// travel in UTF-8 (the sender writes U+FFFD, the parser decodes bytes ED A0 80 as U+FFFD): such
// text must not crash anything; with a NUL it must be refused.
const HOSTILE = ['\u0000', 'a\u0000b', '\ud800', '尾\udc00', '\udbff\u0000', '说明\u0000😀'];
const refusedAs = (text: string, status: number): boolean =>
  text.includes('\u0000') ? status === 400 : status < 500;

jest.setTimeout(120_000);

describe('fuzz: form and multipart bodies with unstorable text', () => {
  let contractId: string;
  let pm: string;

  beforeAll(async () => {
    expect(['127.0.0.1', 'localhost']).toContain(new URL(e2eStack().api).hostname);
    contractId = await demoContractId();
    pm = await loginDemo('vendor_pm');
  });

  it('refuses every hostile multipart field on the REST upload routes, naming it', async () => {
    const staff = await loginDemo('hospital_staff');
    const r = await submitRequirement(staff, contractId);
    const c = await proposeChange(pm, contractId);
    const statuses = new Set<number>();
    for (const text of HOSTILE) {
      const archive = await api()
        .post(`/api/change-requests/${c.id}/actions/archive`)
        .set('Authorization', pm)
        .field('note', text)
        .attach('files', Buffer.from('x'), { filename: 'a.txt', contentType: 'text/plain' });
      expect([text, archive.status, refusedAs(text, archive.status)]).toEqual([
        text,
        archive.status,
        true,
      ]);
      if (text.includes('\u0000')) expect(archive.body.error.fields[0].field).toBe('note');
      // The same text in a file name, with a bidi control: refused or stored, never a crash.
      const attach = await api()
        .post(`/api/requirements/${r.id}/attachments`)
        .set('Authorization', staff)
        .attach('files', Buffer.from('x'), {
          filename: `a${text}\u202e.txt`,
          contentType: 'text/plain',
        });
      statuses.add(attach.status);
    }
    expect([...statuses].every((s) => s < 500)).toBe(true);
  });

  it('refuses every hostile link-form comment with the form page, never 5xx', async () => {
    const c = await proposeChange(pm, contractId);
    const [mail] = await replyLinkMails(demoCredential('supervisor').email, c.id);
    const link = replyLinkOf(mail);
    // The NUL texts first: a storable comment is a reply, and the link is then used up.
    const ordered = [...HOSTILE].sort(
      (a, b) => Number(b.includes('\u0000')) - Number(a.includes('\u0000')),
    );
    for (const text of ordered.slice(0, HOSTILE.filter((t) => t.includes('\u0000')).length + 1)) {
      const res = await api()
        .post(link)
        .type('form')
        .send(
          `decision=disagree&comment=${encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'))}`,
        );
      expect([text, res.status, refusedAs(text, res.status)]).toEqual([text, res.status, true]);
    }
  });

  it('refuses every hostile console form field with the form, never 5xx', async () => {
    const clerk = await consoleLogin('hospital_staff');
    for (const text of HOSTILE) {
      const page = await clerk.get('/requirements/new').expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const res = await clerk
        .post('/requirements/new')
        .field('_csrf', csrf)
        .field('title', `标题${text}`)
        .field('description', text)
        .field('system', 'HIS');
      expect(refusedAs(text, res.status)).toBe(true);
      if (text.includes('\u0000')) expect(res.text).toContain('不能包含空字符');
    }
  });
});
