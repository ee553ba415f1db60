import type { Response } from 'express';
import { setFlash } from './console-frame.service';
import type { ConsoleOutcome } from '../requirement/console/requirement-console.service';

/** A page as it is, or a redirect after a form that worked (PRG), with its flash. */
export function sendOutcome(res: Response, outcome: ConsoleOutcome, publicBaseUrl: string): void {
  if (outcome.kind === 'page') {
    res.status(outcome.status).type('html').send(outcome.html);
    return;
  }
  setFlash(res, outcome.flash, publicBaseUrl);
  res.redirect(303, outcome.location);
}
