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
