import { parse as parseCsv } from 'csv-parse/sync';
import { ReportRefusedError } from '../report-refused.error';
import { detectSheetHeader, type SheetRow } from './sheet-rows.parser';
import { decodeText } from './text-encoding.util';
import { readXlsxSheets } from './xlsx-stream.reader';

/** What a sheet may grow to in memory; both from configuration (SHEET_MAX_*). */
export interface SheetLimits {
  /** The workbook's uncompressed size, declared and as really inflated. */
  maxUnzippedBytes: number;
  /** Rows read, header and empty rows included. */
  maxRows: number;
}

const tooManyRows = (limit: number) => new ReportRefusedError({ reason: 'too_many_rows', limit });

/**
 * The rows of the first worksheet that has an MLPS / crypto-assessment header row (else of the first sheet),
 * streamed: a path is read in place, never loaded whole.
 */
export async function readXlsxRows(
  source: string | Uint8Array,
  limits: SheetLimits,
): Promise<SheetRow[]> {
  return readXlsxSheets(source, limits, (rows) => detectSheetHeader(rows) !== null);
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
