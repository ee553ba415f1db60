import ExcelJS from 'exceljs';
import type { LineStatus } from '@luyue/security/definitions';
import { RECTIFICATION_HEADERS, RectificationListExporter } from './rectification-list.exporter';

const row = (label: string, state: LineStatus) => ({
  title: 'OpenSSH 漏洞',
  severity: 'high' as const,
  vulnerabilityId: '10001',
  label,
  cves: ['CVE-2024-6387'],
  solution: '升级',
  dueAt: new Date('2027-03-10T09:00:00Z'),
  state,
  fixedByRetest: state === 'fixed_by_retest',
});

describe('RectificationListExporter', () => {
  it('labels each row’s 状态 with its asset line’s state', async () => {
    const states: LineStatus[] = ['open', 'fixed', 'fixed_by_retest', 'verified'];
    const { content } = await new RectificationListExporter().export(
      { number: 'AQZG-1', title: '整改' },
      states.map((s, i) => row(`10.0.0.${i}`, s)),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const column = RECTIFICATION_HEADERS.indexOf('状态') + 1;
    const cells = states.map((_s, i) => sheet.getRow(i + 2).getCell(column).value);
    expect(cells).toEqual(['待整改', '已整改', '复测已消除', '复验通过']);
  });
});
