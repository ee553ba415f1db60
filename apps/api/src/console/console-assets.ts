import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTemplatesDir } from '@luyue/notifications';

/** Served by the api itself: the console loads nothing from another origin. */
@Injectable()
export class ConsoleAssets {
  readonly css = readFileSync(join(findTemplatesDir(), 'assets', 'console.css'), 'utf8');
}
