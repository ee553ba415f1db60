import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Outside the catalogue, no source file holds Chinese text, except data: the demo seed and the
// headers and values the report parsers must match.
const ROOT = join(__dirname, '../../../..');
const DATA = ['scripts/demo-seed.ts', 'libs/security/src/report-import/sheet.columns.ts'];
const HAN = /[\u4e00-\u9fff]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [relative(ROOT, path)] : [];
  });
}

describe('the wording catalogue', () => {
  it('is the only source of Chinese text outside data', () => {
    const holders = ['apps', 'libs', 'workflows', 'scripts']
      .flatMap((top) => sources(join(ROOT, top)))
      .filter((file) => !file.startsWith('libs/domain/src/wording/'))
      .filter((file) => HAN.test(readFileSync(join(ROOT, file), 'utf8')))
      .sort();
    expect(holders).toEqual([...DATA].sort());
  });
});
