import type { Response } from 'express';
import { setFlash } from './console-frame.service';

/** A page, or where to go after a form that worked (with the flash to show there). */
export type ConsoleOutcome =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; location: string; flash: string };

/** How a form's answer is sent; `noStore` keeps a page (a password shown once) out of caches. */
export interface SendOptions {
  noStore?: boolean;
}

/** A page as it is, or a redirect after a form that worked (PRG), with its flash. */
export function sendOutcome(
  res: Response,
  outcome: ConsoleOutcome,
  publicBaseUrl: string,
  options: SendOptions = {},
): void {
  if (outcome.kind === 'page') {
    res.status(outcome.status);
    if (options.noStore) res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(outcome.html);
    return;
  }
  setFlash(res, outcome.flash, publicBaseUrl);
  res.redirect(303, outcome.location);
}
