import type { FieldProblem } from '@luyue/domain';

/**
 * The text rules every way in shares (JSON, multipart fields, urlencoded and link forms, file
 * names): what PostgreSQL cannot store never reaches a route, and names cannot mislead.
 */

// A NUL (PostgreSQL text refuses it) or a UTF-16 surrogate without its pair (not valid UTF-8).
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Controls that reorder what is shown (right-to-left override and friends): in a file name they
// make `gpj.exe` read as `exe.jpg`.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The most code points a stored file name keeps. */
export const FILE_NAME_MAX = 200;

/** Text PostgreSQL could not store: a NUL or a lone surrogate. */
export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

export function unstorableMessage(field: string): string {
  return `${field} contains a NUL character or an unpaired surrogate`;
}

/** The first code points of `text`, never half of a surrogate pair. */
export function cutCodePoints(text: string, max: number): string {
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count === max) break;
    out += ch;
    count += 1;
  }
  return out;
}

/** What is wrong with an uploaded file's name as sent, or null; `field` is the form field. */
export function fileNameProblem(field: string, name: string): FieldProblem | null {
  if (isUnstorable(name)) {
    return { field, message: `the file name contains a NUL character or an unpaired surrogate` };
  }
  if (BIDI_CONTROLS.test(name)) {
    return { field, message: 'the file name contains a bidirectional control character' };
  }
  return null;
}

/**
 * The name as shown and downloaded: no path, no control characters, at most FILE_NAME_MAX code
 * points, the extension kept when a long name is shortened (the reader opens it by extension).
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- dropping controls is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'file';
  if ([...clean].length <= FILE_NAME_MAX) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot) : '';
  // An "extension" as long as a name is not one: shorten the whole.
  if (ext.length === 0 || [...ext].length > 16) return cutCodePoints(clean, FILE_NAME_MAX);
  return cutCodePoints(clean.slice(0, dot), FILE_NAME_MAX - [...ext].length) + ext;
}
