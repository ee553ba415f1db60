import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { MailStore } from './mail.store';
import { renderMailDetail, renderMailList, renderNotFound } from './mail-page.renderer';

// Mail html is untrusted: no scripts at all; inline styles and remote images are allowed so
// messages look as they would in a mail client.
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** GET / (list), GET /messages/:id (one message), GET /dev/mail[?to=] (JSON, arrival order),
 * GET /dev/mail/:id, DELETE /dev/mail (clear), POST /clear (the page's button). */
export function createMailHttpServer(store: MailStore): Server {
  return createServer((request, response) => {
    route(store, request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error.message);
    });
  });
}

async function route(
  store: MailStore,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = request.method ?? 'GET';
  const messageId = /^\/messages\/([^/]+)$/.exec(path)?.[1];
  const jsonId = /^\/dev\/mail\/([^/]+)$/.exec(path)?.[1];

  if (method === 'GET' && path === '/') {
    return send(response, 200, HTML_HEADERS, renderMailList(store.list()));
  }
  if (method === 'GET' && messageId) {
    const mail = store.get(decodeURIComponent(messageId));
    return mail
      ? send(response, 200, HTML_HEADERS, renderMailDetail(mail))
      : send(response, 404, HTML_HEADERS, renderNotFound('Message'));
  }
  if (method === 'GET' && path === '/dev/mail') {
    return sendJson(response, 200, store.list({ to: url.searchParams.get('to') ?? undefined }));
  }
  if (method === 'GET' && jsonId) {
    const mail = store.get(decodeURIComponent(jsonId));
    return mail ? sendJson(response, 200, mail) : sendJson(response, 404, { error: 'not found' });
  }
  if (method === 'DELETE' && path === '/dev/mail') {
    await store.clear();
    response.writeHead(204).end();
    return;
  }
  if (method === 'POST' && path === '/clear') {
    await store.clear();
    response.writeHead(303, { location: '/' }).end();
    return;
  }
  sendJson(response, 404, { error: `no route ${method} ${path}` });
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  response.writeHead(status, headers).end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(
    response,
    status,
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    JSON.stringify(body),
  );
}
