import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

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
