import { SaxesParser } from 'saxes';
import { EVIDENCE_LIMIT, type ParsedFinding } from '../security-finding.types';
import { ReportRefusedError } from '../report-refused.error';
import { checkFindingFields } from './finding-fields.check';

/** One element a format reads whole (a ReportItem, a result, a vuln), with its descendants' text. */
export interface XmlRecord {
  name: string;
  attrs: Readonly<Record<string, string>>;
  /** The element's own text (descendants' excluded), trimmed. */
  text: string;
  /** Own text of each descendant by path below the record (`nvt/name`), in document order. */
  fields: ReadonlyMap<string, string[]>;
  /** Attributes of each descendant by path. */
  attrsAt: ReadonlyMap<string, Readonly<Record<string, string>>[]>;
  line: number;
  column: number;
}

/** What one scanner format does with the elements of its XML; it emits findings as it goes. */
export interface XmlFormatReader {
  readonly roots: readonly string[];
  readonly itemsRead: number;
  readonly skipped: number;
  /** Optional fields the scanner left empty and how often, when the reader made do without. */
  readonly gaps?: Readonly<Record<string, number>>;
  /** Whether an element (outside any record) is a record to be read whole. */
  isRecord(name: string, parent: string | undefined): boolean;
  onRecord(record: XmlRecord, parent: string | undefined): void;
  onOpen?(name: string, attrs: Readonly<Record<string, string>>): void;
  onClose?(name: string): void;
  /** The document ended well: emit what was held back. */
  onEnd?(): void;
}

/** A field longer than this is cut while reading, so one huge element cannot exhaust memory. */
const FIELD_CHAR_LIMIT = EVIDENCE_LIMIT + 1;
/** No scanner writes an attribute this long (names, ids, ports); a longer one is refused. */
const ATTRIBUTE_CHAR_LIMIT = 4096;

export const firstField = (r: XmlRecord, path: string): string => r.fields.get(path)?.[0] ?? '';

interface Building {
  record: { name: string; attrs: Record<string, string>; line: number; column: number };
  fields: Map<string, string[]>;
  attrsAt: Map<string, Record<string, string>[]>;
  own: string;
  /** Open elements inside the record: path and own text so far. */
  open: { path: string; text: string }[];
}

const saxesWords = (message: string): string => message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '');

/**
 * Streams findings out of an XML document with saxes: text is fed chunk by chunk, the format's
 * reader collects its records and emits findings, which are yielded after each chunk. Memory is
 * one chunk plus one record. A DTD is refused (never read, so no entity is ever expanded),
 * malformed or truncated XML is refused with the line, column and open elements where it broke.
 */
export async function* streamXmlFindings(
  text: AsyncIterable<string>,
  makeReader: (emit: (f: ParsedFinding) => void) => XmlFormatReader,
): AsyncGenerator<ParsedFinding, XmlFormatReader> {
  const out: ParsedFinding[] = [];
  // Where the record being read began: a finding that cannot be stored is refused there.
  let current: { line: number; column: number; element?: string } = { line: 1, column: 1 };
  const reader = makeReader((f) => {
    checkFindingFields(f, current);
    out.push(f);
  });
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let building: Building | null = null;
  let closing = false;
  const at = () => ({ line: parser.line, column: parser.column + 1 });
  // Where a broken document broke: the elements still open, if any.
  const within = () => (stack.length > 0 ? { element: stack.join('/') } : {});

  parser.on('error', (error) => {
    const detail = saxesWords(error.message);
    throw new ReportRefusedError({
      reason: closing ? 'truncated_xml' : 'malformed_xml',
      detail,
      ...at(),
      ...within(),
    });
  });
  parser.on('doctype', () => {
    throw new ReportRefusedError({ reason: 'dtd_refused', ...at() });
  });
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    const parent = stack[stack.length - 1];
    if (stack.length === 0 && !reader.roots.includes(tag.name)) {
      throw new ReportRefusedError({ reason: 'unknown_format', detail: `<${tag.name}>`, ...at() });
    }
    stack.push(tag.name);
    for (const [name, value] of Object.entries(attrs)) {
      if (value.length > ATTRIBUTE_CHAR_LIMIT) {
        throw new ReportRefusedError({
          reason: 'value_too_long',
          field: `${tag.name}@${name}`,
          limit: ATTRIBUTE_CHAR_LIMIT,
          ...at(),
          element: stack.join('/'),
        });
      }
    }
    if (building) {
      const top = building.open[building.open.length - 1];
      const path = top ? `${top.path}/${tag.name}` : tag.name;
      building.open.push({ path, text: '' });
      const list = building.attrsAt.get(path) ?? [];
      list.push(attrs);
      building.attrsAt.set(path, list);
    } else if (reader.isRecord(tag.name, parent)) {
      building = {
        record: { name: tag.name, attrs, ...at() },
        own: '',
        fields: new Map(),
        attrsAt: new Map(),
        open: [],
      };
    } else {
      reader.onOpen?.(tag.name, attrs);
    }
  });
  const capped = (s: string, t: string) =>
    s.length >= FIELD_CHAR_LIMIT ? s : s + t.slice(0, FIELD_CHAR_LIMIT - s.length);
  const onText = (t: string) => {
    if (!building) return;
    const inner = building.open[building.open.length - 1];
    if (inner) inner.text = capped(inner.text, t);
    else building.own = capped(building.own, t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    stack.pop();
    const b = building;
    if (!b) {
      reader.onClose?.(tag.name);
      return;
    }
    const inner = b.open.pop();
    if (inner) {
      const list = b.fields.get(inner.path) ?? [];
      list.push(inner.text.trim());
      b.fields.set(inner.path, list);
      return;
    }
    building = null;
    current = {
      line: b.record.line,
      column: b.record.column,
      element: [...stack, b.record.name].join('/'),
    };
    reader.onRecord(
      {
        ...b.record,
        text: b.own.trim(),
        fields: b.fields,
        attrsAt: b.attrsAt,
      },
      stack[stack.length - 1],
    );
  });

  try {
    for await (const chunk of text) {
      parser.write(chunk);
      yield* out.splice(0);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new ReportRefusedError({
        reason: 'malformed_xml',
        detail: 'not valid UTF-8',
        ...at(),
        ...within(),
      });
    }
    throw error;
  }
  closing = true;
  parser.close();
  current = at();
  reader.onEnd?.();
  yield* out.splice(0);
  return reader;
}
