import { Injectable } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { formatTime } from '@luyue/domain';
import { findTemplatesDir } from './template-dir';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders zh-CN pages (`templates/<folder>/<page>.html.hbs`, by path) and mail (by name, found in
 * `templates/mail/` or a process's `templates/<process>/mail/`); compiled once. Partials come from
 * `templates/partials/` and each process's `partials/`.
 */
@Injectable()
export class TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();
  private readonly dir: string;
  /** Mail name → its path without the part suffix; names are unique across folders. */
  private readonly mails = new Map<string, string>();

  constructor(templatesDir?: string) {
    this.dir = templatesDir ?? findTemplatesDir();
    this.hbs.registerHelper('shanghaiTime', (iso: unknown) =>
      typeof iso === 'string' || iso instanceof Date ? formatTime(iso) : '',
    );
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.hbs.registerHelper('formErrors', formErrors);
    this.hbs.registerHelper('isNumber', (v: unknown) => typeof v === 'number');
    for (const folder of [...templateFolders(this.dir), '']) {
      const partials = join(this.dir, folder, 'partials');
      for (const file of filesIn(partials, '.hbs')) {
        this.hbs.registerPartial(
          file.replace(/\.hbs$/, ''),
          readFileSync(join(partials, file), 'utf8'),
        );
      }
      const mailDir = folder === '' ? 'mail' : join(folder, 'mail');
      for (const file of filesIn(join(this.dir, mailDir), '.subject.hbs')) {
        const name = file.replace(/\.subject\.hbs$/, '');
        if (this.mails.has(name)) throw new Error(`mail template ${name} is defined twice`);
        this.mails.set(name, `${mailDir}/${name}`);
      }
    }
  }

  renderMail(name: string, context: Record<string, unknown>): RenderedMail {
    const path = this.mails.get(name);
    if (!path) throw new Error(`no mail template ${name}`);
    return {
      subject: this.render(`${path}.subject`, context).trim(),
      html: this.render(`${path}.html`, context),
      text: this.render(`${path}.text`, context),
    };
  }

  render(path: string, context: Record<string, unknown>): string {
    let template = this.cache.get(path);
    if (!template) {
      // Plain-text parts and subjects are not HTML, so they are not HTML-escaped.
      const noEscape = !path.endsWith('.html');
      template = this.hbs.compile(readFileSync(join(this.dir, `${path}.hbs`), 'utf8'), {
        noEscape,
      });
      this.cache.set(path, template);
    }
    return template(context);
  }
}

/** One line of a refused form's error summary: a field's, linking to it, or the form's own. */
export interface FormErrorLine {
  href: string | null;
  label: string | null;
  text: string;
}

/**
 * Every error of a refused form, for the summary at its top: the form's own refusal first, then
 * each field's in the form's order, linking to the field's control. Empty when nothing failed.
 */
export function formErrors(fields: unknown, formError: unknown): FormErrorLine[] {
  const lines: FormErrorLine[] = [];
  if (typeof formError === 'string' && formError) {
    lines.push({ href: null, label: null, text: formError });
  }
  for (const f of Array.isArray(fields) ? (fields as Array<Record<string, unknown>>) : []) {
    if (typeof f.error === 'string' && f.error) {
      lines.push({ href: `#${String(f.id)}`, label: String(f.label), text: f.error });
    }
  }
  return lines;
}

/** The process folders of `templates/` (each may hold pages, `mail/` and `partials/`). */
function templateFolders(dir: string): string[] {
  const shared = new Set(['mail', 'pages', 'partials', 'assets']);
  return readdirSync(dir).filter((f) => !shared.has(f) && statSync(join(dir, f)).isDirectory());
}

function filesIn(dir: string, suffix: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
}
