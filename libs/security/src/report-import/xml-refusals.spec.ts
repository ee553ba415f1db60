import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { ReportRefusedError } from '../report-refused.error';
import { nessusReader } from './nessus.parser';
import { parseReport, readReport } from './report.parser';
import { streamXmlFindings } from './xml-records.reader';
import type { ParseProgress } from './report-parse.types';

const SAMPLES = resolve(__dirname, '../../../../..', 'shared', 'scan-samples');
const NESSUS = resolve(SAMPLES, 'python-libnessus/nessus_report_local2.nessus');
const MAX_BYTES = 10 * 1024 * 1024;

const read = (xml: string | Buffer) =>
  readReport(Buffer.isBuffer(xml) ? xml : Buffer.from(xml), { maxBytes: MAX_BYTES });

async function refusalOf(xml: string | Buffer) {
  try {
    await read(xml);
  } catch (error) {
    if (error instanceof ReportRefusedError) return error;
    throw error;
  }
  throw new Error('not refused');
}

const item = (attrs: string, body = '') =>
  `<ReportItem port="443" svc_name="www" protocol="tcp" pluginID="1" pluginName="x" ${attrs}>${body}</ReportItem>`;
const nessus = (items: string) =>
  `<?xml version="1.0" ?>\n<NessusClientData_v2><Report name="r"><ReportHost name="h"><HostProperties><tag name="host-ip">10.0.0.1</tag></HostProperties>\n${items}\n</ReportHost></Report></NessusClientData_v2>`;

describe('XML that is refused whole', () => {
  it('refuses an external entity (XXE) without reading it', async () => {
    const e = await refusalOf(
      `<?xml version="1.0"?>\n<!DOCTYPE NessusClientData_v2 [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<NessusClientData_v2>&xxe;</NessusClientData_v2>`,
    );
    expect(e.refusal).toMatchObject({ reason: 'dtd_refused', line: 2, column: 1 });
    expect(e.message).toMatch(/第 2 行第 1 列.*DTD.*line 2, column 1/);
    expect(e.message).not.toContain('root:');
  });

  it('refuses billion laughs instead of expanding it', async () => {
    const lols = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const e = await refusalOf(
      `<?xml version="1.0"?><!DOCTYPE report [<!ENTITY lol0 "lol">${lols}]><report>&lol9;</report>`,
    );
    expect(e.refusal.reason).toBe('dtd_refused');
  });

  it('refuses a DOCTYPE in the parser too, not only in the first bytes', async () => {
    async function* text() {
      yield '<?xml version="1.0"?>\n<!DOCTYPE NessusClientData_v2 SYSTEM "http://evil/x.dtd">';
      yield '<NessusClientData_v2/>';
    }
    const stream = streamXmlFindings(text(), nessusReader);
    await expect(stream.next()).rejects.toMatchObject({
      refusal: { reason: 'dtd_refused', line: 2 },
    });
  });

  it('refuses an entity declared without a DOCTYPE', async () => {
    const e = await refusalOf(`<report><!ENTITY a "b"></report>`);
    expect(e.refusal.reason).toBe('dtd_refused');
  });

  it('refuses truncated XML, naming where it ended', async () => {
    const whole = readFileSync(NESSUS);
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    const e = await refusalOf(half);
    expect(e.refusal.reason).toBe('truncated_xml');
    expect(e.refusal.line).toBe(half.toString().split('\n').length);
    expect(e.message).toMatch(/XML 不完整.*truncated/);
  });

  it('refuses malformed XML with its line and column', async () => {
    const e = await refusalOf(
      `<NessusClientData_v2>\n<Report name="r">\n  <ReportHost name="h"></Report>\n</NessusClientData_v2>`,
    );
    expect(e.refusal).toMatchObject({ reason: 'malformed_xml', line: 3 });
    expect(e.refusal.column).toBeGreaterThan(20);
    expect(e.refusal.detail).toMatch(/close tag/);
    // The parser's words are kept in the record, not put in the message a person reads.
    expect(e.message).toBe(
      `报告被拒绝（第 3 行第 ${e.refusal.column} 列，元素 Report）：XML 格式错误 / ` +
        `Report refused (line 3, column ${e.refusal.column}, element Report): malformed XML`,
    );
  });

  it('names the element open where a real export was cut off', async () => {
    const cases: Array<[string, RegExp]> = [
      ['python-libnessus/nessus_report_test_local.nessus', /^NessusClientData_v2\/Report\//],
      ['openvasreporting/airplay.xml', /^report\/report\//],
      ['dradis-openvas/report_v7.xml', /^report\//],
    ];
    for (const [file, path] of cases) {
      const whole = readFileSync(resolve(SAMPLES, file));
      const e = await refusalOf(whole.subarray(0, Math.floor(whole.length * 0.9)));
      expect([file, e.refusal.reason]).toEqual([file, 'truncated_xml']);
      expect(e.refusal.element).toMatch(path);
      const innermost = e.refusal.element!.split('/').pop()!;
      expect(e.message).toContain(
        `第 ${e.refusal.line} 行第 ${e.refusal.column} 列，元素 ${innermost}`,
      );
      expect(e.message).toContain(`element ${innermost}`);
    }
  });

  it('names the element a malformed tag or entity is in', async () => {
    const tag = await refusalOf(
      `<NessusClientData_v2>\n<Report name="r">\n  <ReportHost name="h"></Report>\n</NessusClientData_v2>`,
    );
    // saxes has closed the unclosed ReportHost on </Report>: the refusal is in Report.
    expect(tag.refusal.element).toBe('NessusClientData_v2/Report');
    expect(tag.message).toMatch(/第 3 行第 \d+ 列，元素 Report）/);
    const entity = await refusalOf(
      nessus(item('severity="0"', '<plugin_output>a&nbsp;b</plugin_output>')),
    );
    expect(entity.refusal.element).toBe(
      'NessusClientData_v2/Report/ReportHost/ReportItem/plugin_output',
    );
    expect(entity.message).toContain('元素 plugin_output');
  });

  it('refuses an undefined entity (HTML-style &nbsp;)', async () => {
    const e = await refusalOf(
      nessus(item('severity="0"', '<plugin_output>a&nbsp;b</plugin_output>')),
    );
    expect(e.refusal).toMatchObject({ reason: 'malformed_xml', line: 3 });
  });

  it('refuses XML that is not UTF-8 while it says so', async () => {
    const bytes = Buffer.concat([
      Buffer.from(nessus(item('severity="0"', '<plugin_output>')).split('</ReportItem>')[0]),
      Buffer.from([0xc4, 0xe3, 0xba]),
      Buffer.from('</plugin_output></ReportItem></ReportHost></Report></NessusClientData_v2>'),
    ]);
    expect((await refusalOf(bytes)).refusal.reason).toBe('malformed_xml');
  });

  it('refuses an unknown root element and an unknown Nessus severity', async () => {
    expect((await refusalOf('<?xml version="1.0"?><scan/>')).refusal).toMatchObject({
      reason: 'unknown_format',
      detail: '<scan>',
    });
    const e = await refusalOf(nessus(item('severity="7"')));
    expect(e.refusal).toMatchObject({ reason: 'unknown_severity', value: '7', line: 3 });
  });

  it('refuses a file larger than the caller allows, before reading it', async () => {
    const parse = parseReport(NESSUS, { maxBytes: 1000 });
    await expect(parse[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      refusal: { reason: 'too_large', limit: 1000 },
    });
  });

  it('refuses a stream as soon as it passes the limit', async () => {
    const stream = Readable.from([Buffer.alloc(600, 0x20), Buffer.alloc(600, 0x20)]);
    await expect(readReport(stream, { maxBytes: 1000 })).rejects.toMatchObject({
      refusal: { reason: 'too_large' },
    });
  });

  it('refuses a file whose content is not the format the user chose', async () => {
    await expect(readReport(NESSUS, { maxBytes: MAX_BYTES, format: 'rsas' })).rejects.toMatchObject(
      { refusal: { reason: 'format_mismatch', expected: 'rsas', found: 'nessus' } },
    );
  });
});

describe('parseReport', () => {
  it('streams from a Readable and reports progress up to the total', async () => {
    const bytes = readFileSync(NESSUS);
    const progress: ParseProgress[] = [];
    const stream = Readable.from(
      Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) =>
        bytes.subarray(i * 4096, (i + 1) * 4096),
      ),
    );
    const parse = parseReport(stream, {
      maxBytes: MAX_BYTES,
      totalBytes: bytes.length,
      onProgress: (p) => progress.push(p),
    });
    let n = 0;
    for await (const _ of parse) n++;
    expect(n).toBe(62);
    expect(progress.length).toBe(Math.ceil(bytes.length / 4096));
    expect(progress[progress.length - 1]).toEqual({
      bytesRead: bytes.length,
      totalBytes: bytes.length,
    });
  });

  it('reads GB2312 XML by its declaration, and UTF-8 with a BOM', async () => {
    const xml = (name: string, mess: string, encoding: string) =>
      `<?xml version="1.0" encoding="${encoding}"?><aurora><targets><target><ip>10.1.1.1</ip><vuln_scanned><vuln><port>22</port><vul_id>9</vul_id><protocol>TCP</protocol><mess_string>${mess}</mess_string></vuln></vuln_scanned><vuln_detail><vuln><vul_id>9</vul_id><name>${name}</name><risk_points>7</risk_points></vuln></vuln_detail></target></targets></aurora>`;
    // 弱口令 and 口令 in GB2312.
    const [before, middle, after] = xml('@', '@', 'GB2312').split('@');
    const gb = Buffer.concat([
      Buffer.from(before),
      Buffer.from('bfdac1ee', 'hex'),
      Buffer.from(middle),
      Buffer.from('c8f5bfdac1ee', 'hex'),
      Buffer.from(after),
    ]);
    expect((await read(gb)).findings[0]).toMatchObject({
      title: '弱口令',
      evidence: '口令',
      severity: 'high',
    });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(xml('弱口令', 'x', 'UTF-8')),
    ]);
    expect((await read(bom)).findings[0]).toMatchObject({ title: '弱口令', port: 22 });
  });
});
