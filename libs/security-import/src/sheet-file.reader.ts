import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ReportRefusedError } from '@luyue/domain';
import { detectSheetHeader, type SheetRow } from './sheet-rows.parser';
import { decodeText } from './text-encoding.util';
import { declaredUnzippedBytes } from './zip-size.util';

/** What a sheet may grow to in memory; both from configuration (SHEET_MAX_*). */
export interface SheetLimits {
  /** The workbook's declared uncompressed size. */
  maxUnzippedBytes: number;
  /** Rows read, header and empty rows included. */
  maxRows: number;
}

const tooManyRows = (limit: number) => new ReportRefusedError({ reason: 'too_many_rows', limit });

function rowsOf(sheet: ExcelJS.Worksheet, maxRows: number): SheetRow[] {
  if (sheet.actualRowCount > maxRows) throw tooManyRows(maxRows);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push({ row: number, cells });
  });
  return rows;
}

/** The rows of the first worksheet that has an 等保/密评 header row (else of the first sheet). */
export async function readXlsxRows(bytes: Buffer, limits: SheetLimits): Promise<SheetRow[]> {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped !== null && unzipped > limits.maxUnzippedBytes) {
    throw new ReportRefusedError({ reason: 'workbook_too_large', limit: limits.maxUnzippedBytes });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ReportRefusedError({
      reason: 'unreadable_workbook',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const sheets = workbook.worksheets.map((sheet) => rowsOf(sheet, limits.maxRows));
  return sheets.find((rows) => detectSheetHeader(rows) !== null) ?? sheets[0] ?? [];
}

/** CSV (comma or tab separated, UTF-8 or GB18030 as Excel saves it) as sheet rows. */
export function readCsvRows(text: string, maxRows = Number.MAX_SAFE_INTEGER): SheetRow[] {
  // Counted before parsing, so an oversized file is not first held as records.
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= maxRows; i = text.indexOf('\n', i + 1)) {
    lines++;
  }
  if (lines > maxRows) throw tooManyRows(maxRows);
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const tabs = firstLine.split('\t').length;
  const commas = firstLine.split(',').length;
  const records = parseCsv(text, {
    delimiter: tabs > commas ? '\t' : ',',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

export function readCsvBytes(bytes: Uint8Array, maxRows?: number): SheetRow[] {
  return readCsvRows(decodeText(bytes), maxRows);
}
