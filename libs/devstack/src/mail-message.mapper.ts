import { randomBytes } from 'node:crypto';
import type { AddressObject, HeaderValue, ParsedMail } from 'mailparser';

/** One received message as the sink keeps it (memory and JSON lines). */
export interface StoredMail {
  id: string;
  messageId?: string;
  /** Formatted From as mailparser gives it, e.g. `"luyue" <noreply@luyue.test>`. */
  from: string;
  to: string[];
  cc: string[];
  /** SMTP envelope: includes Bcc recipients, which no header shows. */
  envelope: { from?: string; to: string[] };
  subject: string;
  text?: string;
  html?: string;
  /** Headers worth asserting on: X-*, Reply-To, References, List-Unsubscribe… */
  headers: Record<string, string>;
  attachments: { filename?: string; contentType: string; size: number }[];
  /** Every http(s) link in the html and text bodies, in order, deduplicated. */
  links: string[];
  receivedAt: string;
}

export interface SmtpEnvelope {
  from?: string;
  to: string[];
}

const KEPT_HEADERS = new Set([
  'reply-to',
  'in-reply-to',
  'references',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'auto-submitted',
  'content-language',
  'date',
]);

/** Sortable by time and unique enough for a local sink; safe in a URL path. */
export function newMailId(now = new Date()): string {
  return `${now.getTime().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function toStoredMail(
  parsed: ParsedMail,
  envelope: SmtpEnvelope,
  receivedAt = new Date(),
): StoredMail {
  const html = typeof parsed.html === 'string' ? parsed.html : undefined;
  return {
    id: newMailId(receivedAt),
    messageId: parsed.messageId,
    from: parsed.from?.text ?? envelope.from ?? '',
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    envelope: { from: envelope.from, to: [...envelope.to] },
    subject: parsed.subject ?? '',
    text: parsed.text,
    html,
    headers: keptHeaders(parsed),
    attachments: parsed.attachments.map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
    })),
    links: extractLinks(html, parsed.text),
    receivedAt: receivedAt.toISOString(),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flat = objects.flatMap((object) => object.value);
  return flat.flatMap((entry) => [entry, ...(entry.group ?? [])]).flatMap((e) => e.address ?? []);
}

/** Decoded values where mailparser has a simple one; the raw line otherwise (List-* headers,
 * which it folds into a combined `list` object). Repeated headers are joined with ", ". */
function keptHeaders(parsed: ParsedMail): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    if (!key.startsWith('x-') && !KEPT_HEADERS.has(key)) continue;
    const decoded = simpleText(parsed.headers.get(key));
    if (decoded !== undefined) {
      kept[key] = decoded;
    } else {
      const raw = line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
      kept[key] = kept[key] ? `${kept[key]}, ${raw}` : raw;
    }
  }
  return kept;
}

function simpleText(value: HeaderValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join(', ');
  if (value && !Array.isArray(value) && 'text' in value && typeof value.text === 'string') {
    return value.text;
  }
  return undefined;
}

/** http(s) links from href attributes and from plain text, so tests can follow mailed links. */
export function extractLinks(html: string | undefined, text: string | undefined): string[] {
  const found: string[] = [];
  for (const match of (html ?? '').matchAll(/href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    found.push(decodeEntities(match[1] ?? match[2] ?? '').trim());
  }
  for (const match of (text ?? '').matchAll(/https?:\/\/[^\s<>"'）)\]]+/g)) {
    found.push(match[0].replace(/[.,;:!?。，；]+$/, ''));
  }
  return [...new Set(found.filter((link) => /^https?:\/\//i.test(link)))];
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Whether the message was addressed to `address` (To, Cc or envelope/Bcc), case-insensitive. */
export function isAddressedTo(mail: StoredMail, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return [...mail.to, ...mail.cc, ...mail.envelope.to].some((a) => a.toLowerCase() === wanted);
}
