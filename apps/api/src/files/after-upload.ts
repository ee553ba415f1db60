import type { Request } from 'express';

/**
 * A check that needs a multipart form's fields, which are read after the guards have run (the
 * console's CSRF token travels in the form, never in the URL, where request logs would keep it).
 * A guard hands it over; the route's upload interceptor runs it once the form is read, and
 * removes the form's stored files when it refuses.
 */
const AFTER_UPLOAD = Symbol('afterUpload');

type Check = (body: Record<string, unknown> | undefined) => void;
type WithCheck = Request & { [AFTER_UPLOAD]?: Check };

/** Marks an interceptor class as the one that reads a route's multipart form. */
export const READS_MULTIPART = Symbol.for('luyue:readsMultipart');

/** Whether one of the route's interceptors reads its multipart form (and so runs the checks). */
export function readsMultipart(interceptors: unknown[] | undefined): boolean {
  return (interceptors ?? []).some(
    (i) => typeof i === 'function' && (i as unknown as Record<symbol, unknown>)[READS_MULTIPART],
  );
}

export function checkAfterUpload(req: Request, check: Check): void {
  (req as WithCheck)[AFTER_UPLOAD] = check;
}

/** Runs the handed-over check on the read form; on refusal the stored files go first. */
export async function runAfterUpload(
  req: Request,
  remove: (file: Express.Multer.File) => Promise<void>,
): Promise<void> {
  const check = (req as WithCheck)[AFTER_UPLOAD];
  if (!check) return;
  try {
    check(req.body as Record<string, unknown> | undefined);
  } catch (error) {
    const { file, files } = req;
    const stored = file ? [file] : Array.isArray(files) ? files : Object.values(files ?? {}).flat();
    await Promise.all(stored.map(remove));
    throw error;
  }
}
