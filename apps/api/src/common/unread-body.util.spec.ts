import { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { answerAfterBody, DRAIN_MAX_BYTES } from './unread-body.util';

/** A request body still arriving, as the guard sees it before anything read it. */
function arriving(headers: Record<string, string> = {}): Request & Readable {
  const stream = new Readable({ read() {} }) as Request & Readable;
  Object.assign(stream, { headers, complete: false });
  stream.on('end', () => Object.assign(stream, { complete: true }));
  return stream;
}

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
  } as unknown as Response & { headers: Record<string, string> };
}

describe('answerAfterBody', () => {
  it('answers at once when the body was already read', () => {
    const req = arriving();
    Object.assign(req, { complete: true });
    const answer = jest.fn();
    answerAfterBody(req, response(), answer);
    expect(answer).toHaveBeenCalledTimes(1);
  });

  it('reads the rest of a refused upload, then answers once, keeping the connection', async () => {
    const req = arriving({ 'content-length': '6' });
    const res = response();
    const answer = jest.fn();
    answerAfterBody(req, res, answer);
    req.push(Buffer.from('abc'));
    await new Promise((r) => setImmediate(r));
    expect(answer).not.toHaveBeenCalled();
    req.push(Buffer.from('def'));
    req.push(null);
    await new Promise((r) => setImmediate(r));
    expect(answer).toHaveBeenCalledTimes(1);
    expect(res.headers.connection).toBeUndefined();
  });

  it('does not read a declared body above the limit: answers now and closes', () => {
    const req = arriving({ 'content-length': String(DRAIN_MAX_BYTES + 1) });
    const res = response();
    const answer = jest.fn();
    answerAfterBody(req, res, answer);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(res.headers.connection).toBe('close');
  });

  it('stops reading an undeclared body at the limit and closes', async () => {
    const req = arriving();
    const res = response();
    const answer = jest.fn();
    answerAfterBody(req, res, answer);
    req.push(Buffer.alloc(DRAIN_MAX_BYTES + 1));
    await new Promise((r) => setImmediate(r));
    expect(answer).toHaveBeenCalledTimes(1);
    expect(res.headers.connection).toBe('close');
    req.push(null);
    await new Promise((r) => setImmediate(r));
    expect(answer).toHaveBeenCalledTimes(1);
  });
});
