import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { formatTime } from '@luyue/domain';
import { findTemplatesDir } from './template-dir';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Renders zh-CN mail from `templates/mail/<name>.{subject,html,text}.hbs`; compiled once. */
@Injectable()
export class TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();
  private readonly dir: string;

  constructor(templatesDir?: string) {
    this.dir = templatesDir ?? findTemplatesDir();
    this.hbs.registerHelper('shanghaiTime', (iso: unknown) =>
      typeof iso === 'string' || iso instanceof Date ? formatTime(iso) : '',
    );
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    const partials = join(this.dir, 'partials');
    for (const file of readdirSync(partials)) {
      if (file.endsWith('.hbs')) {
        this.hbs.registerPartial(
          file.replace(/\.hbs$/, ''),
          readFileSync(join(partials, file), 'utf8'),
        );
      }
    }
  }

  renderMail(name: string, context: Record<string, unknown>): RenderedMail {
    return {
      subject: this.render(`mail/${name}.subject`, context).trim(),
      html: this.render(`mail/${name}.html`, context),
      text: this.render(`mail/${name}.text`, context),
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
