import { REFUSAL_DETAILS } from '@luyue/domain';
import { ReportRefusedError } from '../report-refused.error';
import { type ReportRefusal } from '../report-refusal.types';
import { type ScanReportFormat, type SheetReportFormat } from '../security-finding.types';
import { readCsvRows } from './sheet-file.reader';
import { detectSheetHeader } from './sheet-rows.parser';
import { decodeText, encodingOf, type TextEncoding } from './text-encoding.util';

/** What a file is, from its first bytes. An XLSX's header row is inside the zip: read it whole. */
export type DetectedReport =
  | { container: 'xml'; format: ScanReportFormat; encoding: TextEncoding; root: string }
  | { container: 'csv'; format: SheetReportFormat; encoding: TextEncoding }
  | { container: 'xlsx'; format: null };

/** How many first bytes detection looks at (a prologue of comments is short). */
export const DETECTION_BYTES = 64 * 1024;

/** Root elements of each scanner's XML (a GVM report saved from a GMP response included). */
export const XML_ROOTS: Readonly<Record<ScanReportFormat, readonly string[]>> = {
  nessus: ['NessusClientData_v2'],
  openvas: ['report', 'get_reports_response'],
  rsas: ['aurora'],
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: a legacy .xls, or an XLSX encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function positionOf(text: string, at: number): Pick<ReportRefusal, 'line' | 'column'> {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Index after the XML declaration, processing instructions, comments and whitespace. */
function skipPrologue(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const [open, close] = text.startsWith('<?', i) ? ['<?', '?>'] : ['<!--', '-->'];
    if (!text.startsWith(open, i)) return i;
    const end = text.indexOf(close, i + open.length);
    if (end < 0) return i;
    i = end + close.length;
  }
}

function detectXml(text: string, encoding: TextEncoding): DetectedReport {
  const entity = text.search(/<!ENTITY/i);
  const i = skipPrologue(text);
  if (/^<!DOCTYPE\s+html/i.test(text.slice(i)))
    throw new ReportRefusedError({ reason: 'html_report' });
  if (text.startsWith('<!DOCTYPE', i) || entity >= 0) {
    throw new ReportRefusedError({
      reason: 'dtd_refused',
      ...positionOf(text, entity >= 0 && !text.startsWith('<!DOCTYPE', i) ? entity : i),
    });
  }
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i))?.[1];
  if (root?.toLowerCase() === 'html') throw new ReportRefusedError({ reason: 'html_report' });
  if (root === 'NessusClientData') throw new ReportRefusedError({ reason: 'nessus_v1' });
  const format = (Object.keys(XML_ROOTS) as ScanReportFormat[]).find(
    (f) => root !== undefined && XML_ROOTS[f].includes(root),
  );
  if (!format || !root) {
    throw new ReportRefusedError({
      reason: 'unknown_format',
      detail: root ? `<${root}>` : undefined,
      ...positionOf(text, i),
    });
  }
  return { container: 'xml', format, encoding, root };
}

function detectCsv(text: string, encoding: TextEncoding): DetectedReport | null {
  // The head may stop mid-line: only whole lines are looked at.
  const whole = text.slice(0, text.lastIndexOf('\n') + 1) || text;
  try {
    const header = detectSheetHeader(readCsvRows(whole));
    return header ? { container: 'csv', format: header.format, encoding } : null;
  } catch {
    return null;
  }
}

/**
 * The report's format from its content, not its name: the XML root element, the zip signature
 * of an XLSX, or a CSV's header row. Refuses (ReportRefusedError) an empty file, an HTML report,
 * Nessus v1, a DTD or entity declaration, and anything else it does not recognise.
 */
export function detectReportFormat(firstBytes: Uint8Array): DetectedReport {
  if (firstBytes.byteLength === 0) throw new ReportRefusedError({ reason: 'empty_file' });
  if (ZIP_MAGIC.every((b, i) => firstBytes[i] === b)) return { container: 'xlsx', format: null };
  if (OLE_MAGIC.every((b, i) => firstBytes[i] === b)) {
    throw new ReportRefusedError({
      reason: 'unreadable_workbook',
      detail: REFUSAL_DETAILS.legacyOrEncryptedWorkbook,
    });
  }
  const encoding = encodingOf(firstBytes);
  const text = decodeText(firstBytes.subarray(0, DETECTION_BYTES), encoding);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new ReportRefusedError({ reason: 'empty_file' });
  }
  if (text.slice(skipPrologue(text)).startsWith('<')) return detectXml(text, encoding);
  const csv = detectCsv(text, encoding);
  if (csv) return csv;
  throw new ReportRefusedError({ reason: 'unknown_format' });
}
