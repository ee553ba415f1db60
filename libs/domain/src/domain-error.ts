import { englishOf, zhOf, type MessageKey, type MessageParams } from './wording/messages';

/** Stable error codes; the api maps each to one HTTP status in a single filter. */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'invalid_state'
  | 'forbidden'
  // A cookie-authenticated write without the session's CSRF token.
  | 'csrf_refused'
  | 'unauthenticated'
  | 'conflict'
  | 'idempotency_mismatch'
  | 'quota_exceeded'
  | 'rate_limited'
  | 'token_invalid'
  | 'dependency_unavailable'
  // The database refused to store what was sent (a data or constraint error retrying cannot cure).
  | 'write_refused'
  // Refused at the HTTP edge before any route ran.
  | 'malformed_body'
  | 'payload_too_large'
  | 'unsupported_media_type';

/**
 * A refusal: `code` is the stable envelope code (and HTTP status), `key` and `params` name the
 * message in the wording catalogue. `message` is the catalogue's English (the REST envelope and
 * logs); `zh` the zh-CN a person reads. No call site writes prose.
 */
export class DomainError<K extends MessageKey = MessageKey> extends Error {
  readonly params: MessageParams<K>;

  constructor(
    readonly code: DomainErrorCode,
    readonly key: K,
    params: MessageParams<K>,
    readonly details?: Record<string, unknown>,
  ) {
    super(englishOf(key, params));
    this.name = 'DomainError';
    this.params = params;
  }

  /** What a person reads: the catalogue's zh-CN for this message. */
  get zh(): string {
    return zhOf(this.key, this.params);
  }
}

/**
 * One field's problem, as every `validation_failed` names them (`error.fields`): the English
 * `message`, and where the rule is the system's own (not a DTO's), its catalogue key so pages can
 * say it in zh-CN.
 */
export interface FieldProblem {
  field: string;
  message: string;
  key?: MessageKey;
  params?: object;
}

/** A field's problem said by the catalogue. */
export function fieldProblem<K extends MessageKey>(
  field: string,
  key: K,
  params: MessageParams<K>,
): FieldProblem {
  return { field, message: englishOf(key, params), key, params: params as object };
}

/**
 * The field problems of a validation failure, with their message keys where known (the
 * envelope's `details.fields` carries the English only).
 */
export function fieldProblemsOf(error: {
  key: MessageKey;
  params: unknown;
  details?: Record<string, unknown>;
}): FieldProblem[] {
  if (error.key === 'validation.fields') {
    return [...(error.params as MessageParams<'validation.fields'>).fields];
  }
  return (error.details?.fields ?? []) as FieldProblem[];
}

/** The one shape of a validation failure, from the HTTP edge or from a workflow's validator. */
export function validationFailed(fields: FieldProblem[]): DomainError {
  // The envelope names each field and its English; the keys stay on the error for the pages.
  return new DomainError(
    'validation_failed',
    'validation.fields',
    { fields },
    { fields: fields.map(({ field, message }) => ({ field, message })) },
  );
}
