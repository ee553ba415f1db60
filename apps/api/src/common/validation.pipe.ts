import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { validationFailed, type FieldProblem } from '@luyue/domain';
import { unstorableInBody } from './json-body.checks';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Query, path and DTO body text reaches PostgreSQL: a NUL or a lone surrogate is refused, named.
 * A JSON body was checked before routing already; this is where a multipart body's fields are
 * (multer reads them after the middleware). A console form's body (a plain object) is checked
 * by readForm, which shows the form again with the field marked.
 */
class StorableTextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dtoBody =
      metadata.type === 'body' && metadata.metatype !== undefined && metadata.metatype !== Object;
    if (metadata.type === 'query' || metadata.type === 'param' || dtoBody) {
      const problem = unstorableInBody(metadata.data ? { [metadata.data]: value } : value);
      if (problem) throw validationFailed([problem]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Whitelisting validation; unknown fields are refused and every error names its field. */
export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors: ValidationError[]) => validationFailed(flatten(errors)),
} as const;

export function createValidationPipe(): ValidationPipe {
  return new StorableTextValidationPipe(VALIDATION_OPTIONS);
}
