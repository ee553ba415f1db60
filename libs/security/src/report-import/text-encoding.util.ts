/** Text encodings report files come in: UTF-8 mostly, GB18030 (GBK/GB2312) from Chinese tools. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const GB_NAMES = /^(gb2312|gbk|gb18030|cp936)$/i;

/** From the BOM, the XML declaration, or (for a CSV) whether it is valid UTF-8. */
export function encodingOf(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const prologue = Buffer.from(head.subarray(0, 256)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(prologue)?.[1];
  if (declared) return GB_NAMES.test(declared) ? 'gb18030' : 'utf-8';
  // XML without a declared encoding is UTF-8 by the standard; only text files are guessed.
  if (/^\s*</.test(prologue)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A whole text file's content, BOM dropped. */
export function decodeText(bytes: Uint8Array, encoding = encodingOf(bytes)): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Chunks decoded as they come (a character split across chunks is kept for the next). */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
