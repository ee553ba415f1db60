import { createHash, randomUUID } from 'node:crypto';
import type { StoredFileRef } from '@luyue/domain';
import {
  api,
  createOtherContract,
  demoContractId,
  demoCredential,
  loginDemo,
} from '../helpers/e2e-auth';
import { proposeChange, replyLinkMails, replyLinkOf } from '../helpers/e2e-changes';
import { withDb } from '../helpers/e2e-stack';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

describe('change-request attachments: streamed, hashed, limited, and only for the parties', () => {
  let contractId: string;
  let manager: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    manager = await loginDemo('hospital_manager');
  });

  const upload = (auth: string, body: Buffer, filename: string, contentType: string) =>
    api()
      .post(`/api/contracts/${contractId}/files`)
      .set('Authorization', auth)
      .attach('file', body, { filename, contentType });

  it('stores an upload with its sha256, refuses wrong types and disguised files, and keeps it from outsiders', async () => {
    const res = await upload(manager, PDF, '医保电子凭证接口说明.pdf', 'application/pdf').expect(
      201,
    );
    const [file] = res.body as StoredFileRef[];
    expect(file).toMatchObject({
      filename: '医保电子凭证接口说明.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const audited = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_event WHERE action = 'file.uploaded' AND subject_id = $1 AND summary->>'sha256' = $2`,
            [file.id, file.sha256],
          )
        ).rows[0].n,
    );
    expect(audited).toBe(1);

    const exe = await upload(
      manager,
      Buffer.from('MZ...'),
      'setup.exe',
      'application/x-msdownload',
    );
    expect([exe.status, exe.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const disguised = await upload(manager, Buffer.from('not a pdf'), 'a.pdf', 'application/pdf');
    expect([disguised.status, disguised.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const big = await upload(
      manager,
      Buffer.alloc(21 * 1024 * 1024, 0x41),
      'big.txt',
      'text/plain',
    );
    expect(big.status).toBe(413);
    const stored = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM stored_file WHERE filename IN ('setup.exe', 'big.txt') OR (filename = 'a.pdf' AND size = 9)`,
          )
        ).rows[0].n,
    );
    expect(stored).toBe(0);

    const other = await createOtherContract();
    await api()
      .get(`/api/files/${file.id}`)
      .set('Authorization', other.users.supervisor)
      .expect(404);
    const mine = await api().get(`/api/files/${file.id}`).set('Authorization', manager).expect(200);
    expect(mine.headers['content-type']).toContain('application/pdf');
  });

  it('attaches uploads to a proposal; the supervisor opens them from the link, and only those', async () => {
    const [file] = (await upload(manager, PDF, '附件.pdf', 'application/pdf').expect(201))
      .body as StoredFileRef[];
    const [unrelated] = (
      await upload(manager, Buffer.from('其他文件\n'), '其他.txt', 'text/plain').expect(201)
    ).body as StoredFileRef[];
    const c = await proposeChange(manager, contractId, { attachments: [file.id] });
    expect(c.attachments.map((a) => [a.id, a.filename, a.sha256])).toEqual([
      [file.id, '附件.pdf', file.sha256],
    ]);
    // A file is bound to one change: naming it again is refused whole.
    const again = await api()
      .post(`/api/contracts/${contractId}/change-requests`)
      .set('Authorization', manager)
      .send({
        title: '再次引用同一附件',
        description: '应被拒绝',
        changeType: 'modify',
        impact: { scope: '无', schedule: '无', cost: '无' },
        attachments: [file.id],
      })
      .expect(400);
    expect(again.body.error.fields).toEqual([expect.objectContaining({ field: 'attachments' })]);

    const [mail] = await replyLinkMails(demoCredential('supervisor').email, c.id);
    const link = replyLinkOf(mail);
    const page = await api().get(link).expect(200);
    expect(page.text).toContain(`${link}/files/${file.id}`);
    const got = await api().get(`${link}/files/${file.id}`).expect(200);
    expect(Buffer.from(got.body as Buffer).equals(PDF)).toBe(true);
    await api().get(`${link}/files/${unrelated.id}`).expect(404);
  });

  it('archives once per Idempotency-Key, and keeps no file of a refused archive', async () => {
    const pm = await loginDemo('vendor_pm');
    const c = await proposeChange(pm, contractId);
    for (const role of ['hospital_manager', 'supervisor'] as const) {
      await api()
        .post(`/api/change-requests/${c.id}/replies`)
        .set('Authorization', await loginDemo(role))
        .send({ decision: 'agree' })
        .expect(200);
    }
    const archive = (doc: Buffer, key?: string) => {
      const req = api()
        .post(`/api/change-requests/${c.id}/actions/archive`)
        .set('Authorization', pm);
      if (key) req.set('Idempotency-Key', key);
      return req
        .field('note', '配置文档')
        .attach('files', doc, { filename: '配置文档.txt', contentType: 'text/plain' });
    };
    const files = (sha256: string) =>
      withDb(async (db) => {
        const stored = await db.query(`SELECT id FROM stored_file WHERE sha256 = $1`, [sha256]);
        const discarded = await db.query(
          `SELECT id FROM audit_event WHERE action = 'file.discarded' AND summary->>'sha256' = $1`,
          [sha256],
        );
        return { stored: stored.rowCount, discarded: discarded.rowCount };
      });

    // Agreed, not implementing yet: refused, and the uploaded document is not kept.
    const early = Buffer.from(`过早的配置文档 ${randomUUID()}`);
    const refused = await archive(early).expect(409);
    expect(refused.body.error.code).toBe('invalid_state');
    expect(await files(createHash('sha256').update(early).digest('hex'))).toEqual({
      stored: 0,
      discarded: 1,
    });

    await api()
      .post(`/api/change-requests/${c.id}/actions/confirm`)
      .set('Authorization', pm)
      .send({})
      .expect(200);
    await api()
      .post(`/api/change-requests/${c.id}/actions/start-implementation`)
      .set('Authorization', pm)
      .send({})
      .expect(200);
    const doc = Buffer.from(`配置文档 v2 ${randomUUID()}`);
    const key = `archive-${randomUUID()}`;
    const first = await archive(doc, key).expect(200);
    const again = await archive(doc, key).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.archive.documents).toEqual(first.body.archive.documents);
    expect(await files(createHash('sha256').update(doc).digest('hex'))).toEqual({
      stored: 1,
      discarded: 0,
    });
  });
});
