import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ReportRefusedError } from '../report-refused.error';
import type { ParseReportOptions, ReportSource } from './report-parse.types';

const CHUNK_BYTES = 256 * 1024;

async function sizeOf(source: ReportSource, options: ParseReportOptions): Promise<number | null> {
  if (typeof source === 'string') return (await stat(source)).size;
  if (source instanceof Uint8Array) return source.byteLength;
  return options.totalBytes ?? null;
}

// A stream given an encoding yields strings.
function streamOf(source: ReportSource): AsyncIterable<Uint8Array | string> {
  if (typeof source === 'string') return createReadStream(source, { highWaterMark: CHUNK_BYTES });
  if (source instanceof Uint8Array) return Readable.from([source]);
  return source;
}

/**
 * The source's bytes chunk by chunk, refused as soon as it proves larger than `maxBytes`
 * (a path's size is checked before reading), with progress after each chunk.
 */
export async function* readSourceChunks(
  source: ReportSource,
  options: ParseReportOptions,
): AsyncGenerator<Uint8Array> {
  const totalBytes = await sizeOf(source, options);
  const tooLarge = () => new ReportRefusedError({ reason: 'too_large', limit: options.maxBytes });
  if (totalBytes !== null && totalBytes > options.maxBytes) throw tooLarge();
  let bytesRead = 0;
  for await (const chunk of streamOf(source)) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytesRead += bytes.byteLength;
    if (bytesRead > options.maxBytes) throw tooLarge();
    options.onProgress?.({ bytesRead, totalBytes });
    yield bytes;
  }
  if (bytesRead === 0) throw new ReportRefusedError({ reason: 'empty_file' });
}

export interface SourceHead {
  head: Uint8Array;
  /** The head again, then every later chunk. */
  chunks: AsyncIterable<Uint8Array>;
}

/** The first `minBytes` (or all, if shorter) for detection, without losing them for parsing. */
export async function peekHead(
  chunks: AsyncIterator<Uint8Array>,
  minBytes: number,
): Promise<SourceHead> {
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < minBytes) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.byteLength;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { head: Buffer.concat(seen), chunks: replay() };
}

/** Every byte of a (size-limited) source, for formats read whole: XLSX and CSV. */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
