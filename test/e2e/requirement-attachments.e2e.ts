import { createHash } from 'node:crypto';
import {
  api,
  createOtherContract,
  demoContractId,
  demoCredential,
  loginDemo,
} from '../helpers/e2e-auth';
import { act, getRequirement, submitRequirement } from '../helpers/e2e-requirements';
import { withDb } from '../helpers/e2e-stack';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('requirement attachments: both sides attach, the request lists them, parties download', () => {
  let contractId: string;
  let staff: string;
  let pm: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    staff = await loginDemo('hospital_staff');
    pm = await loginDemo('vendor_pm');
  });

  const attach = (auth: string, id: string, body: Buffer, filename: string, contentType: string) =>
    api()
      .post(`/api/requirements/${id}/attachments`)
      .set('Authorization', auth)
      .attach('files', body, { filename, contentType });

  const storedFor = (id: string) =>
    withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM stored_file WHERE subject_type = 'requirement' AND subject_id = $1`,
            [id],
          )
        ).rows[0].n,
    );

  it('stores uploads of either side on the request, with the sha256 audited, and lists them on GET', async () => {
    const { id } = await submitRequirement(staff, contractId);
    const first = await attach(staff, id, PNG, '挂号页面截图.png', 'image/png').expect(201);
    expect(first.body).toEqual([
      expect.objectContaining({
        name: '挂号页面截图.png',
        size: PNG.length,
        contentType: 'image/png',
        sha256: sha256(PNG),
        uploadedBy: demoCredential('hospital_staff').email,
      }),
    ]);
    const second = await attach(pm, id, PDF, '接口说明.pdf', 'application/pdf').expect(201);
    expect(second.body.map((a: { name: string }) => a.name)).toEqual([
      '挂号页面截图.png',
      '接口说明.pdf',
    ]);

    const got = await getRequirement(staff, id).expect(200);
    const [png, pdf] = got.body.attachments as Array<Record<string, string>>;
    expect(pdf).toMatchObject({
      name: '接口说明.pdf',
      sha256: sha256(PDF),
      uploadedBy: demoCredential('vendor_pm').email,
      url: `/api/files/${pdf.id}`,
    });
    expect(Date.parse(png.uploadedAt)).toBeGreaterThan(Date.now() - 10 * 60_000);

    const audited = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_event WHERE action = 'file.uploaded'
               AND subject_id = ANY($1::text[]) AND summary->>'subjectId' = $2
               AND summary->>'sha256' IN ($3, $4)`,
            [[png.id, pdf.id], id, sha256(PNG), sha256(PDF)],
          )
        ).rows[0].n,
    );
    expect(audited).toBe(2);

    const download = await api().get(png.url).set('Authorization', pm).expect(200);
    expect(Buffer.from(download.body as Buffer).equals(PNG)).toBe(true);
    const other = await createOtherContract();
    await api().get(png.url).set('Authorization', other.users.hospital_staff).expect(404);
    // An outsider cannot attach either, and learns nothing: 404 as for a missing request.
    await attach(other.users.vendor_pm, id, PNG, 'x.png', 'image/png').expect(404);
    expect(await storedFor(id)).toBe(2);
  });

  it('refuses wrong types, disguised and oversize files, and empty forms, storing nothing', async () => {
    const { id } = await submitRequirement(staff, contractId);
    const exe = await attach(
      staff,
      id,
      Buffer.from('MZ...'),
      'setup.exe',
      'application/x-msdownload',
    );
    expect([exe.status, exe.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const fake = await attach(staff, id, Buffer.from('not a png'), 'a.png', 'image/png');
    expect([fake.status, fake.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const big = await attach(
      staff,
      id,
      Buffer.alloc(21 * 1024 * 1024, 0x41),
      'big.txt',
      'text/plain',
    );
    expect(big.status).toBe(413);
    const none = await api()
      .post(`/api/requirements/${id}/attachments`)
      .set('Authorization', staff)
      .field('note', '无文件')
      .expect(400);
    expect(none.body.error.fields).toEqual([expect.objectContaining({ field: 'files' })]);
    expect(await storedFor(id)).toBe(0);
    const orphans = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM stored_file WHERE filename IN ('setup.exe', 'big.txt', 'a.png')`,
          )
        ).rows[0].n,
    );
    expect(orphans).toBe(0);
  });

  it('answers 409 on a finished request and keeps no file of it', async () => {
    const { id } = await submitRequirement(staff, contractId);
    await act(await loginDemo('hospital_manager'), id, 'cancel', { reason: '并入其他需求' }).expect(
      200,
    );
    const late = await attach(pm, id, PNG, '迟到的截图.png', 'image/png');
    expect([late.status, late.body.error.code]).toEqual([409, 'invalid_state']);
    expect(late.body.error.currentStatus).toBe('cancelled');
    expect(await storedFor(id)).toBe(0);
    expect((await getRequirement(staff, id).expect(200)).body.attachments).toEqual([]);
  });
});
