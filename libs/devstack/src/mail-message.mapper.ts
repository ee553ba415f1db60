import { randomBytes } from 'node:crypto';
import type { AddressObject, HeaderValue, ParsedMail } from 'mailparser';

/** One received message as the sink keeps it (memory and JSON lines). */
export interface StoredMail {
  id: string;
  messageId?: string;
  /** Formatted From, e.g. `"履约" <noreply@luyue.test>`. */
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
    headers: keptHeaders(parsed.headers),
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

function keptHeaders(headers: Map<string, HeaderValue>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of headers) {
    if (key.startsWith('x-') || KEPT_HEADERS.has(key)) kept[key] = headerText(value);
  }
  return kept;
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => headerText(item as HeaderValue)).join(', ');
  if ('text' in value) return value.text;
  if ('value' in value) {
    const params = Object.entries(value.params ?? {}).map(([k, v]) => `; ${k}=${v}`);
    return `${value.value}${params.join('')}`;
  }
  return JSON.stringify(value);
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
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
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
