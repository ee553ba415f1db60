import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupFindingsIntoTasks } from '@luyue/security/definitions';
import { parseReport, readReport } from '@luyue/security';
import { bareStreamingPass } from './bare-streaming.pass';
import { writeNessusFile } from './nessus-file.generator';

describe('bench Nessus file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luyue-nessus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a Nessus v2 file the parser and the bare pass both read item by item', async () => {
    const path = join(dir, 'bench.nessus');
    const written = await writeNessusFile(path, { hosts: 12, plugins: 40, outputChars: 800 });
    expect(written.items).toBe(12 * 42);
    expect((await bareStreamingPass(path)).items).toBe(written.items);
    const parse = parseReport(path, { maxBytes: written.bytes });
    let critical = 0;
    for await (const f of parse) if (f.severity === 'critical') critical++;
    expect(parse.summary).toMatchObject({
      format: 'nessus',
      itemsRead: written.items,
      distinctKeys: written.distinctKeys,
    });
    expect(critical).toBe(12 * 8);
    const { findings } = await readReport(path, { maxBytes: written.bytes });
    // 40 plugins and Service Detection, less the 8 informational ones (severity 0).
    expect(groupFindingsIntoTasks(findings)).toHaveLength(33);
  });
});
