import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { OpenAPIObject } from '@nestjs/swagger';
import { VALIDATION_OPTIONS } from './validation.pipe';

type Keywords = Record<string, unknown>;

/** A regular expression as an OpenAPI `pattern`, unless its flags change what it matches. */
const patternOf = (re: unknown, flags?: unknown): Keywords | null =>
  re instanceof RegExp && !re.flags && !flags
    ? { pattern: re.source }
    : typeof re === 'string' && !flags
      ? { pattern: re }
      : null;

/** The OpenAPI keywords that say what one class-validator rule enforces, by the rule's name. */
const KEYWORDS: Record<string, (c: unknown[]) => Keywords | null> = {
  min: ([n]) => ({ minimum: n }),
  max: ([n]) => ({ maximum: n }),
  isInt: () => ({ type: 'integer' }),
  minLength: ([n]) => ({ minLength: n }),
  maxLength: ([n]) => ({ maxLength: n }),
  length: ([min, max]) => ({ minLength: min, ...(max === undefined ? {} : { maxLength: max }) }),
  matches: ([re, flags]) => patternOf(re, flags),
  arrayMinSize: ([n]) => ({ minItems: n }),
  arrayMaxSize: ([n]) => ({ maxItems: n }),
  isNotBlank: () => ({ minLength: 1, pattern: '\\S' }),
  isPersonDays: ([b]) => {
    const { min, max, minExclusive } = b as { min: number; max: number; minExclusive?: boolean };
    return {
      type: 'number',
      maximum: max,
      minimum: min,
      ...(minExclusive ? { exclusiveMinimum: true } : {}),
    };
  },
};

const LOWER_BOUNDS = ['minimum', 'minLength', 'minItems'];
const UPPER_BOUNDS = ['maximum', 'maxLength', 'maxItems'];

/** Two rules on one bound (NotBlank and MinLength): the stricter holds. */
function merge(existing: Keywords, keywords: Keywords): Keywords {
  const merged = { ...existing, ...keywords };
  for (const [name, pick] of [
    ...LOWER_BOUNDS.map((n) => [n, Math.max] as const),
    ...UPPER_BOUNDS.map((n) => [n, Math.min] as const),
  ]) {
    const [a, b] = [existing[name], keywords[name]];
    if (typeof a === 'number' && typeof b === 'number') merged[name] = pick(a, b);
  }
  return merged;
}

/**
 * Copies every limit the class-validator decorators enforce (minimum, maximum, integer, lengths,
 * patterns, array sizes) into the OpenAPI metadata of the same property, so the document states
 * the rule where it lives without writing it twice. Call before SwaggerModule.createDocument.
 * Rules for some groups only, or for each element of an array, are left to their descriptions.
 */
export function documentValidationLimits(): void {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<object, ValidationMetadata[]>;
  };
  for (const [target, rules] of storage.validationMetadatas) {
    const prototype = (target as { prototype?: object }).prototype;
    if (!prototype) continue;
    for (const rule of rules) {
      if (rule.each || (rule.groups && rule.groups.length > 0) || !rule.name) continue;
      const keywords = KEYWORDS[rule.name]?.(rule.constraints ?? []);
      const key = DECORATORS.API_MODEL_PROPERTIES;
      const existing = Reflect.getMetadata(key, prototype, rule.propertyName) as
        Keywords | undefined;
      // Only properties the document shows: a rule does not make a property public.
      if (!keywords || !existing) continue;
      Reflect.defineMetadata(key, merge(existing, keywords), prototype, rule.propertyName);
    }
  }
}

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema } & Keywords;

/**
 * The validation pipe refuses fields a request DTO does not declare: say so
 * (`additionalProperties: false`) on every object schema a request body reaches, unless a
 * response uses the same schema (answers may grow fields).
 */
export function closeRequestBodies(document: OpenAPIObject): void {
  if (!VALIDATION_OPTIONS.forbidNonWhitelisted) return;
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const refsIn = (root: unknown): Set<string> => {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const ref = (node as Schema).$ref;
      if (typeof ref === 'string' && !found.has(ref)) {
        found.add(ref);
        walk(schemas[ref.split('/').pop()!]);
      }
      Object.values(node).forEach(walk);
    };
    walk(root);
    return found;
  };
  type Operation = {
    responses?: unknown;
    requestBody?: { content?: Record<string, { schema?: Schema }> };
  };
  const operations = Object.values(document.paths).flatMap(
    (item) => Object.values(item) as Operation[],
  );
  const inResponses = refsIn(operations.map((op) => op.responses));
  const bodies = operations.map((op) =>
    Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
  );
  for (const ref of refsIn(bodies)) {
    const schema = schemas[ref.split('/').pop()!];
    if (schema?.properties && !inResponses.has(ref)) schema.additionalProperties = false;
  }
  for (const schema of bodies.flat()) {
    if (schema?.properties) schema.additionalProperties = false;
  }
}

// Text that PostgreSQL can store: no NUL anywhere (what the api refuses, 400 naming the field).
const NO_NUL = '^[^\\u0000]*$';
// The NotBlank pattern with the same rule: some character other than space, and no NUL.
const NOT_BLANK_NO_NUL = '^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$';

/**
 * States the text rules the api enforces on every string a request carries (body and query):
 * no NUL (and no unpaired surrogate, which a pattern cannot say: the description does).
 * Patterns of their own (dates, keys) already leave the NUL out.
 */
export function documentStorableText(document: OpenAPIObject): void {
  const textRule = (schema: Schema | undefined): void => {
    if (!schema || schema.type !== 'string' || schema.enum || schema.format === 'binary') return;
    if (schema.pattern === undefined) schema.pattern = NO_NUL;
    else if (schema.pattern === '\\S') schema.pattern = NOT_BLANK_NO_NUL;
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    textRule(node as Schema);
    Object.values(node).forEach(walk);
  };
  type Operation = {
    parameters?: Array<{ in?: string; schema?: Schema }>;
    requestBody?: { content?: Record<string, { schema?: Schema }> };
  };
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const operations = Object.values(document.paths).flatMap(
    (item) => Object.values(item) as Operation[],
  );
  const requestRefs = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    const ref = (node as Schema).$ref;
    if (typeof ref === 'string' && !requestRefs.has(ref)) {
      requestRefs.add(ref);
      collect(schemas[ref.split('/').pop()!]);
    }
    Object.values(node).forEach(collect);
  };
  for (const op of operations) {
    for (const p of op.parameters ?? []) if (p.in === 'query' || p.in === 'path') walk(p.schema);
    collect(op.requestBody);
    walk(op.requestBody);
  }
  for (const ref of requestRefs) walk(schemas[ref.split('/').pop()!]);
}

/**
 * A reply's comment is required to disagree (the validator's condition): as two shapes, so a
 * client that follows the document never sends a disagreement without one.
 */
export function documentReplyRule(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const reply = schemas.ChangeReplyDto;
  const comment = reply?.properties?.comment;
  if (!reply || !comment) return;
  const shape = (decision: string, commentSchema: Schema, required: string[]): Schema => ({
    type: 'object',
    properties: { decision: { type: 'string', enum: [decision] }, comment: commentSchema },
    required,
    additionalProperties: false,
  });
  schemas.ChangeReplyDto = {
    description: 'agree (a comment optional) or disagree (a comment required, not blank)',
    oneOf: [
      shape('agree', comment, ['decision']),
      shape('disagree', { ...comment, minLength: 1, pattern: NOT_BLANK_NO_NUL }, [
        'decision',
        'comment',
      ]),
    ],
  };
}
