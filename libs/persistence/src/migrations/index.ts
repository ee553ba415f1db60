import { Foundation1763860000000 } from './1763860000000-foundation';

/** Every migration in order; a landed migration is never edited, only followed by a new one. */
export const MIGRATIONS = [Foundation1763860000000];
