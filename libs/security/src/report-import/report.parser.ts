import { dedupeFindings } from '../finding.grouping';
import { ReportRefusedError } from '../report-refused.error';
import {
  type ParsedFinding,
  type ReportFormat,
  type ScanReportFormat,
} from '../security-finding.types';
import { nessusReader } from './nessus.parser';
import { openvasReader } from './openvas.parser';
import { DETECTION_BYTES, detectReportFormat } from './report-format.detector';
import type { ParseReportOptions, ParseSummary, ReportSource } from './report-parse.types';
import { collectBytes, peekHead, readSourceChunks } from './report-source.reader';
import { rsasReader } from './rsas.parser';
import { readCsvBytes, readXlsxRows } from './sheet-file.reader';
import { parseSheetRows, type SheetRow } from './sheet-rows.parser';
import { decodeChunks } from './text-encoding.util';
import { streamXmlFindings, type XmlFormatReader } from './xml-records.reader';

// The configuration's defaults (SHEET_MAX_UNZIPPED_BYTES, SHEET_MAX_ROWS).
const DEFAULT_SHEET_UNZIPPED_BYTES = 100 * 1024 * 1024;
const DEFAULT_SHEET_ROWS = 100_000;

const XML_READERS: Readonly<
  Record<ScanReportFormat, (emit: (f: ParsedFinding) => void) => XmlFormatReader>
> = {
  nessus: nessusReader,
  openvas: openvasReader,
  rsas: rsasReader,
};

function checkExpected(expected: ReportFormat | undefined, found: ReportFormat): void {
  if (expected && expected !== found) {
    throw new ReportRefusedError({ reason: 'format_mismatch', expected, found });
  }
}

/**
 * One pass over a report. Iterate it (once) for the findings as they are read, in file order,
 * repeats included; `summary` is there once the iteration has ended. Any problem refuses the
 * whole file: the iteration throws a ReportRefusedError (a DomainError 'validation_failed').
 */
export class ReportParse implements AsyncIterable<ParsedFinding> {
  private result: ParseSummary | null = null;
  private started = false;

  constructor(
    private readonly source: ReportSource,
    private readonly options: ParseReportOptions,
  ) {}

  /** Format, counts of items, findings and compliant rows; only after the iteration ended. */
  get summary(): ParseSummary {
    if (!this.result) throw new Error('ReportParse.summary is known only after iterating it');
    return this.result;
  }

  [Symbol.asyncIterator](): AsyncIterator<ParsedFinding> {
    if (this.started) throw new Error('A ReportParse is iterated once');
    this.started = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<ParsedFinding> {
    const chunks = readSourceChunks(this.source, this.options)[Symbol.asyncIterator]();
    const { head, chunks: all } = await peekHead(chunks, DETECTION_BYTES);
    const detected = detectReportFormat(head);
    const keys = new Set<string>();
    const summary: Omit<ParseSummary, 'format' | 'distinctKeys'> = {
      itemsRead: 0,
      findings: 0,
      compliant: 0,
      skipped: 0,
    };
    const count = (f: ParsedFinding) => {
      summary.findings++;
      keys.add(f.key);
      return f;
    };
    let format: ReportFormat;
    if (detected.container === 'xml') {
      format = detected.format;
      checkExpected(this.options.format, format);
      const text = decodeChunks(all, detected.encoding);
      const stream = streamXmlFindings(text, XML_READERS[detected.format]);
      let next = await stream.next();
      for (; !next.done; next = await stream.next()) yield count(next.value);
      summary.itemsRead = next.value.itemsRead;
      summary.skipped = next.value.skipped;
      const gaps = next.value.gaps ?? {};
      if (Object.keys(gaps).length > 0) summary.gaps = { ...gaps };
    } else {
      const limits = {
        maxUnzippedBytes: this.options.maxSheetUnzippedBytes ?? DEFAULT_SHEET_UNZIPPED_BYTES,
        maxRows: this.options.maxSheetRows ?? DEFAULT_SHEET_ROWS,
      };
      let rows: SheetRow[];
      if (detected.container === 'csv') {
        rows = readCsvBytes(await collectBytes(all), limits.maxRows);
      } else if (typeof this.source === 'string') {
        // A workbook on disk is read in place, part by part: its size was checked on opening.
        await chunks.return?.(undefined);
        rows = await readXlsxRows(this.source, limits);
      } else {
        rows = await readXlsxRows(await collectBytes(all), limits);
      }
      const sheet = parseSheetRows(rows, this.options.format);
      let next = sheet.next();
      for (; !next.done; next = sheet.next()) yield count(next.value);
      format = next.value.format;
      summary.itemsRead = next.value.itemsRead;
      summary.compliant = next.value.compliant;
    }
    this.result = { format, ...summary, distinctKeys: keys.size };
  }
}

/**
 * Streams a report's findings: `for await (const f of parseReport(path, { maxBytes }))`.
 * The format is told from the content; `options.format` (the user's choice) must agree.
 */
export function parseReport(source: ReportSource, options: ParseReportOptions): ReportParse {
  return new ReportParse(source, options);
}

/** A whole report in memory, findings deduplicated by key: for small files and retests. */
export async function readReport(
  source: ReportSource,
  options: ParseReportOptions,
): Promise<{ summary: ParseSummary; findings: ParsedFinding[] }> {
  const parse = parseReport(source, options);
  const all: ParsedFinding[] = [];
  for await (const f of parse) all.push(f);
  return { summary: parse.summary, findings: dedupeFindings(all) };
}
