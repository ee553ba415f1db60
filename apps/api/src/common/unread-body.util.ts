import type { Request, Response } from 'express';

/** Refused uploads up to this size are read to the end before the refusal is sent. */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
/** A client that stops sending mid-body gets its answer anyway after this long. */
const DRAIN_MAX_MS = 10_000;

/**
 * Sends `answer` once the rest of the request body has been read. A guard or a validator
 * may refuse an upload before anything reads it; answering then and closing the socket makes
 * the client's write fail (EPIPE, ECONNRESET) and it never sees the 403 or 413. Bodies larger
 * than DRAIN_MAX_BYTES are not read: the answer goes out with `Connection: close`.
 */
export function answerAfterBody(req: Request, res: Response, answer: () => void): void {
  if (req.complete || req.readableEnded || req.destroyed) {
    answer();
    return;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DRAIN_MAX_BYTES) {
    res.setHeader('Connection', 'close');
    answer();
    return;
  }
  let read = 0;
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    req.off('data', count);
    if (!req.complete) res.setHeader('Connection', 'close');
    answer();
  };
  const count = (chunk: Buffer): void => {
    read += chunk.length;
    if (read > DRAIN_MAX_BYTES) finish();
  };
  const timer = setTimeout(finish, DRAIN_MAX_MS);
  req.on('data', count);
  req.once('end', finish);
  req.once('error', finish);
  req.once('close', finish);
  req.resume();
}
