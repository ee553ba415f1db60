import {
  applyDecorators,
  createParamDecorator,
  Get,
  Header,
  Injectable,
  Post,
  Res,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@luyue/config';
import { DomainError, fieldProblemsOf, fieldProblemZh } from '@luyue/domain';
import type { ClassConstructor } from 'class-transformer';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { readForm, type FailedForm } from '../console/console-form';
import { sendOutcome, type ConsoleOutcome } from '../console/console-outcome';
import { pageRequestOf, type PageRequest } from '../console/console-page';
import { sendingKeyOf } from '../console/form-once';
import type { StoredUpload } from '../files/file-store.service';
import { FORM_ERROR, type Field } from '../console/console-field';
import type { ActingContext } from './acting-context';

/** A console page: `GET` answering its HTML. */
export const ConsolePage = (path?: string): MethodDecorator =>
  applyDecorators(Get(path), Header('Content-Type', 'text/html; charset=utf-8'));

/** One sending of a console form: the page request, the form's fields and its files. */
export interface FormSending {
  page: PageRequest;
  body: Record<string, unknown>;
  uploads: StoredUpload[];
  /** The one file of a single-file form. */
  file: StoredUpload | undefined;
}

/** The sending of the form a `@ConsoleForm()` route receives. */
export const Sent = createParamDecorator((_: unknown, ctx: ExecutionContext): FormSending => {
  const http = ctx.switchToHttp();
  const req = http.getRequest<Request>();
  // What the route's upload interceptor stored (`FilesUpload`, `FileUpload`, attachments).
  const { files, file } = req as unknown as { files?: unknown; file?: StoredUpload };
  return {
    page: pageRequestOf(req, http.getResponse<Response>()),
    // An empty POST has no body at all: every field is then missing, as the form will say.
    body: (req.body ?? undefined) as Record<string, unknown>,
    uploads: Array.isArray(files) ? (files as StoredUpload[]) : [],
    file,
  };
});

const NO_STORE = 'console-form:no-store';

/** Sends the `ConsoleOutcome` a `@ConsoleForm()` route answers: the page, or 303 with its flash. */
@Injectable()
export class ConsoleOutcomeInterceptor implements NestInterceptor {
  constructor(
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler<ConsoleOutcome>): Observable<void> {
    const res = ctx.switchToHttp().getResponse<Response>();
    const noStore = this.reflector.get<boolean | undefined>(NO_STORE, ctx.getHandler());
    return next
      .handle()
      .pipe(map((outcome) => sendOutcome(res, outcome, this.config.PUBLIC_BASE_URL, { noStore })));
  }
}

/**
 * The route answers through the response itself (as `@Res()` would say): the interceptor
 * sends the outcome, so the handler's own parameters stay free of the HTTP objects.
 */
function AnswersItself(): MethodDecorator {
  return (target, key, descriptor) => {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ??
      {}) as Record<string, { index: number }>;
    const declared = (descriptor.value as unknown as (...a: unknown[]) => unknown).length;
    const index = Math.max(declared, ...Object.values(args).map((a) => a.index + 1));
    Res()(target, key, index);
  };
}

/** What a console form route adds: its upload interceptor, and `noStore` for its pages. */
export interface ConsoleFormOptions {
  upload?: Type<NestInterceptor>;
  noStore?: boolean;
}

/**
 * A console form's `POST` (CSRF comes with the controller's guard): the upload read first when
 * there is one, then the handler answers a `ConsoleOutcome`: the page again (400/409 with the
 * form's errors) or a 303 to where the change shows, with its flash.
 */
export function ConsoleForm(path?: string, options: ConsoleFormOptions = {}): MethodDecorator {
  return applyDecorators(
    Post(path),
    UseInterceptors(...(options.upload ? [options.upload] : []), ConsoleOutcomeInterceptor),
    SetMetadata(NO_STORE, options.noStore ?? false),
    AnswersItself(),
  );
}

/** A refusal the failed form shows (instead of the refusal page), with its status. */
export interface FormRefusal {
  status: number;
  errors: Record<string, string>;
  [more: string]: unknown;
}

/** One process's action forms, as `consoleAct` needs them. */
export interface ConsoleActions<A extends string> {
  isAction(action: string): action is A;
  forms: Readonly<Record<A, { dto: ClassConstructor<object>; fields: readonly Field[] }>>;
  /** The step, through the process's actions service (its `ActionRunner.run`). */
  run(ctx: ActingContext, action: A, payload: object, uploads: StoredUpload[]): Promise<unknown>;
  /** The item's page again, with the failed form open. */
  page(failed: FailedForm & Record<string, unknown>): Promise<string>;
  /** A refusal of the step that the form shows itself; null: the refusal page. */
  refusal?(error: unknown, fields: readonly Field[]): FormRefusal | null;
  /**
   * The workflow's own rules on what was typed (a date in the past), by field, for a form the
   * DTO refused: said in the same answer, not on the next try.
   */
  precheck?(action: A, values: Record<string, string>): Promise<Record<string, string>>;
  /** Where the item shows, and the flash once the step is done. */
  location: string;
  done(action: A): string;
}

/**
 * A step taken from an item's page: the form read by the REST route's DTO (400: the page again
 * with its errors), then the step run once per sending of the form (the sending is the Update's
 * key), then 303 to the item with its flash, or the page again with a refusal the form shows.
 */
export async function consoleAct<A extends string>(
  process: ConsoleActions<A>,
  sent: FormSending,
  action: string,
): Promise<ConsoleOutcome> {
  if (!process.isAction(action))
    throw new DomainError('not_found', 'console.no_action', { action });
  const { dto, fields } = process.forms[action];
  const form = await readForm(dto, fields, sent.body, sent.uploads.length + (sent.file ? 1 : 0));
  if (!form.ok) {
    // The DTO's word wins on a field both speak of: it is about the value's shape.
    const errors = { ...(await process.precheck?.(action, form.values)), ...form.errors };
    return { kind: 'page', status: 400, html: await process.page({ action, ...form, errors }) };
  }
  const { actor, requestId } = sent.page;
  const idempotencyKey = sendingKeyOf(sent.body, form.payload, sent.uploads);
  try {
    await process.run({ actor, requestId, idempotencyKey }, action, form.payload, sent.uploads);
  } catch (error) {
    // A rule the workflow or service checked (a missing proof file, a date in the past) comes
    // back at the form with what was typed, like the DTO's own refusals.
    const refused = process.refusal?.(error, fields) ?? validationRefusal(error, fields);
    if (!refused) throw error;
    const { status, ...shown } = refused;
    const html = await process.page({ action, values: form.values, ...shown });
    return { kind: 'page', status, html };
  }
  return { kind: 'redirect', location: process.location, flash: process.done(action) };
}

/**
 * A validation refusal of a step as errors beside the form's fields (a problem with no field of
 * its own, such as a missing file, at the top of the form); null for any other refusal.
 */
export function validationRefusal(
  error: unknown,
  fields: readonly Field[],
  /** The form field a problem the service names otherwise belongs to (`effects[0].x` …). */
  fieldOf: (problem: string) => string | undefined = () => undefined,
): FormRefusal | null {
  if (!(error instanceof DomainError) || error.code !== 'validation_failed') return null;
  const problems = fieldProblemsOf(error);
  const errors: Record<string, string> = {};
  for (const p of problems.length > 0 ? problems : [{ field: '', message: error.message }]) {
    const named = fieldOf(p.field) ?? p.field;
    const field = fields.find((f) => f.name === named || f.problemField === named);
    const where = field?.name ?? FORM_ERROR;
    const text = fieldProblemZh(p);
    errors[where] = errors[where] ? `${errors[where]}；${text}` : text;
  }
  return { status: 400, errors };
}
