import type { StoredMail } from './mail-message.mapper';

const TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'medium',
});

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
a{color:#0550ae}iframe{width:100%;height:32rem;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f8fa;padding:.8rem}
.muted{color:#777}button{cursor:pointer}`;

function page(title: string, body: string, refreshSeconds?: number): string {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${refresh}<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}

/** The message list, newest first; refreshes itself so new mail shows up while you wait. */
export function renderMailList(mails: readonly StoredMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (mail) =>
        `<tr><td class="muted">${escapeHtml(formatTime(mail.receivedAt))}</td>` +
        `<td>${escapeHtml(mail.to.join(', ') || mail.envelope.to.join(', '))}</td>` +
        `<td><a href="/messages/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject || '(no subject)')}</a></td>` +
        `<td class="muted">${escapeHtml(mail.from)}</td></tr>`,
    )
    .join('');
  const table = mails.length
    ? `<table><thead><tr><th>received (Asia/Shanghai)</th><th>to</th><th>subject</th><th>from</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No mail yet. This page refreshes every 5 seconds.</p>';
  const clear = `<form method="post" action="/clear"><button type="submit">Delete all</button></form>`;
  return page(
    `Mail (${mails.length})`,
    `<h1>Local mail sink: ${mails.length} message(s)</h1>${clear}${table}` +
      `<p class="muted">JSON: <a href="/dev/mail">/dev/mail</a> (<code>?to=address</code>)</p>`,
    5,
  );
}

/** One message. The html body goes into a sandboxed srcdoc iframe (no scripts, opaque
 * origin); its links open in a new tab outside the sandbox so mailed forms work there. */
export function renderMailDetail(mail: StoredMail): string {
  const fields: [string, string][] = [
    ['From', mail.from],
    ['To', mail.to.join(', ')],
    ['Cc', mail.cc.join(', ')],
    ['Envelope to', mail.envelope.to.join(', ')],
    ['Subject', mail.subject],
    ['Received', `${formatTime(mail.receivedAt)} (${mail.receivedAt})`],
    ['Message-ID', mail.messageId ?? ''],
    ...Object.entries(mail.headers),
    ...mail.attachments.map((file): [string, string] => [
      'Attachment',
      `${file.filename ?? '(unnamed)'} · ${file.contentType} · ${file.size} bytes`,
    ]),
  ];
  const header = fields
    .filter(([, value]) => value)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const links = mail.links.length
    ? `<h2>Links</h2><ul>${mail.links.map((link) => `<li><a href="${escapeHtml(link)}" target="_blank" rel="noopener noreferrer">${escapeHtml(link)}</a></li>`).join('')}</ul>`
    : '';
  const html = mail.html
    ? `<h2>HTML</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" srcdoc="${escapeHtml(`<base target="_blank">${mail.html}`)}"></iframe>`
    : '';
  const text = mail.text ? `<h2>Text</h2><pre>${escapeHtml(mail.text)}</pre>` : '';
  return page(
    mail.subject || '(no subject)',
    `<p><a href="/">← all mail</a> · <a href="/dev/mail/${encodeURIComponent(mail.id)}">JSON</a></p>` +
      `<h1>${escapeHtml(mail.subject || '(no subject)')}</h1><table>${header}</table>${links}${html}${text}`,
  );
}

export function renderNotFound(what: string): string {
  return page('Not found', `<p>${escapeHtml(what)} not found. <a href="/">All mail</a></p>`);
}
