import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { EVIDENCE_LIMIT } from '../security-finding.types';
import { ReportRefusedError } from '../report-refused.error';
import type { SheetRow } from './sheet-rows.parser';

/**
 * A streaming XLSX reader: the zip's parts are inflated here, chunk by chunk, and every inflated
 * byte is counted against the limit as it comes out of zlib, whatever the zip's directory says;
 * the sheet XML is read with saxes as it inflates. Nothing holds more than the shared strings and
 * the rows kept (at most `maxRows` of them, and `MAX_COLUMNS` cells a row): a workbook of two
 * million rows is refused after the limit's row, not after being loaded whole.
 */

/** The columns a row keeps: the templates use ten; more would only cost memory. */
export const MAX_COLUMNS = 64;
/** A cell or shared string longer than this is cut; the field checks then refuse it or cut it. */
const CELL_CHAR_LIMIT = EVIDENCE_LIMIT + 1;
/** A central directory this large is not a workbook's. */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

export interface XlsxLimits {
  maxUnzippedBytes: number;
  maxRows: number;
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** What the directory declares; only a first check, the inflated bytes are counted. */
  uncompressedSize: number;
  localOffset: number;
}

/** Random access to the workbook's bytes, from a path or from memory. */
interface ZipBytes {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
  stream(start: number, length: number): Readable;
  close(): Promise<void>;
}

// Library words never reach a refusal: the message says the workbook cannot be read.
const unreadable = () => new ReportRefusedError({ reason: 'unreadable_workbook' });

function memoryBytes(bytes: Uint8Array): ZipBytes {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buf.length,
    read: (position, length) =>
      Promise.resolve(buf.subarray(position, Math.min(buf.length, position + length))),
    stream: (start, length) => Readable.from([buf.subarray(start, start + length)]),
    close: () => Promise.resolve(),
  };
}

async function fileBytes(path: string): Promise<ZipBytes> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(position, length) {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      if (out.length > 0) await handle.read(out, 0, out.length, position);
      return out;
    },
    stream: (start, length) =>
      length === 0
        ? Readable.from([])
        : createReadStream(path, { start, end: start + length - 1, highWaterMark: 256 * 1024 }),
    close: () => handle.close(),
  };
}

async function directoryOf(zip: ZipBytes): Promise<ZipEntry[]> {
  const tailLength = Math.min(zip.size, 22 + 0xffff);
  const tail = await zip.read(zip.size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = tail.readUInt16LE(end + 10);
  const length = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  if (length > MAX_DIRECTORY_BYTES || offset + length > zip.size) throw unreadable();
  const dir = await zip.read(offset, length);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const nameLength = dir.readUInt16LE(at + 28);
    entries.push({
      flags: dir.readUInt16LE(at + 8),
      method: dir.readUInt16LE(at + 10),
      compressedSize: dir.readUInt32LE(at + 20),
      uncompressedSize: dir.readUInt32LE(at + 24),
      localOffset: dir.readUInt32LE(at + 42),
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflated bytes of all parts read so far, refused the moment they pass the limit. */
class InflatedBudget {
  private used = 0;
  constructor(private readonly limit: number) {}
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) {
      throw new ReportRefusedError({ reason: 'workbook_too_large', limit: this.limit });
    }
  }
}

/** One part's text, inflated and counted as it streams, fed to a saxes parser. */
async function readPart(
  zip: ZipBytes,
  entry: ZipEntry,
  budget: InflatedBudget,
  parser: SaxesParser,
): Promise<void> {
  // Encrypted parts and ZIP64 sizes are not what a spreadsheet program writes for a sheet.
  if (entry.flags & 0x1 || entry.compressedSize === 0xffffffff) throw unreadable();
  if (entry.method !== 0 && entry.method !== 8) throw unreadable();
  const local = await zip.read(entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw unreadable();
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > zip.size) throw unreadable();
  const raw = zip.stream(start, entry.compressedSize);
  const inflated = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (e) => inflated.destroy(e));
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof ReportRefusedError) throw error;
    // zlib's and saxes' words stay out of the refusal: the file is simply unreadable.
    throw unreadable();
  } finally {
    raw.destroy();
    inflated.destroy();
  }
}

/** `x:row` → `row`: some writers prefix SpreadsheetML's names; the local name is what counts. */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

function xmlParser(): SaxesParser {
  const parser = new SaxesParser();
  parser.on('doctype', () => {
    throw unreadable();
  });
  return parser;
}

const cap = (s: string, t: string) =>
  s.length >= CELL_CHAR_LIMIT ? s : s + t.slice(0, CELL_CHAR_LIMIT - s.length);

/** `xl/sharedStrings.xml`: each `si`'s text runs joined, phonetic guides (`rPh`) left out. */
async function sharedStringsOf(
  zip: ZipBytes,
  entry: ZipEntry | undefined,
  budget: InflatedBudget,
): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const parser = xmlParser();
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 'si') {
      strings.push(current ?? '');
      current = null;
    } else if (name === 'rPh') phonetic--;
    else if (name === 't') inText = false;
  });
  parser.on('text', (t) => {
    if (inText && current !== null) current = cap(current, t);
  });
  await readPart(zip, entry, budget, parser);
  return strings;
}

/** `B12` → 1 (0-based column); null when the reference has no letters. */
function columnIndex(ref: string | undefined): number | null {
  const letters = /^([A-Z]+)/.exec(ref ?? '')?.[1];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** One worksheet's non-empty rows; refused once it has more than `maxRows` rows. */
async function sheetRowsOf(
  zip: ZipBytes,
  entry: ZipEntry,
  shared: readonly string[],
  budget: InflatedBudget,
  maxRows: number,
): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const parser = xmlParser();
  let rowsRead = 0;
  let rowNumber = 0;
  let cells: string[] = [];
  let col = -1;
  let type = '';
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | null = null;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    switch (local(tag.name)) {
      case 'row':
        rowsRead++;
        if (rowsRead > maxRows) {
          throw new ReportRefusedError({ reason: 'too_many_rows', limit: maxRows });
        }
        rowNumber = Number(attrs.r) || rowNumber + 1;
        cells = [];
        col = -1;
        break;
      case 'c':
        col = columnIndex(attrs.r) ?? col + 1;
        type = attrs.t ?? '';
        value = '';
        inline = '';
        break;
      case 'v':
        capture = 'v';
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        if (phonetic === 0) capture = 't';
        break;
    }
  });
  parser.on('text', (t) => {
    if (capture === 'v') value = cap(value, t);
    else if (capture === 't') inline = cap(inline, t);
  });
  parser.on('closetag', (tag) => {
    switch (local(tag.name)) {
      case 'v':
      case 't':
        capture = null;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        if (col < 0 || col >= MAX_COLUMNS) break;
        let text = value;
        if (type === 's') text = shared[Number(value)] ?? '';
        else if (type === 'inlineStr') text = inline;
        else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
        cells[col] = text;
        break;
      }
      case 'row':
        if (cells.some((c) => c !== undefined && c !== '')) {
          rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
        }
        break;
    }
  });
  await readPart(zip, entry, budget, parser);
  return rows;
}

/**
 * The rows of the workbook's worksheets in order (`sheet1.xml`, `sheet2.xml`, …): the first
 * sheet `accept` takes, else the first sheet. Later sheets are not read once one is taken.
 */
export async function readXlsxSheets(
  source: string | Uint8Array,
  limits: XlsxLimits,
  accept: (rows: SheetRow[]) => boolean,
): Promise<SheetRow[]> {
  const zip = typeof source === 'string' ? await fileBytes(source) : memoryBytes(source);
  try {
    const entries = await directoryOf(zip);
    // A directory declaring too much is refused before anything inflates (0xffffffff, a ZIP64
    // size, counts as too much).
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUnzippedBytes) {
      throw new ReportRefusedError({
        reason: 'workbook_too_large',
        limit: limits.maxUnzippedBytes,
      });
    }
    const budget = new InflatedBudget(limits.maxUnzippedBytes);
    const shared = await sharedStringsOf(
      zip,
      entries.find((e) => e.name === 'xl/sharedStrings.xml'),
      budget,
    );
    const sheets = entries
      .map((e) => ({ e, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(e.name)?.[1] }))
      .filter((s): s is { e: ZipEntry; n: string } => s.n !== undefined)
      .sort((a, b) => Number(a.n) - Number(b.n));
    if (sheets.length === 0) throw unreadable();
    let first: SheetRow[] | null = null;
    for (const { e } of sheets) {
      const rows = await sheetRowsOf(zip, e, shared, budget, limits.maxRows);
      if (accept(rows)) return rows;
      first ??= rows;
    }
    return first ?? [];
  } finally {
    await zip.close();
  }
}
