import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { roundPersonDays } from '@luyue/requirement/definitions';

/**
 * Person-days: a finite number to the hundredth within bounds. Written here rather than with
 * `IsNumber({ maxDecimalPlaces })`, which throws on numbers written with an exponent (1e-7).
 */
export function IsPersonDays(
  bounds: { min: number; max: number; minExclusive?: boolean },
  options?: ValidationOptions,
): PropertyDecorator {
  const above = bounds.minExclusive ? 'above' : 'from';
  return ValidateBy(
    {
      name: 'isPersonDays',
      constraints: [bounds],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          (bounds.minExclusive ? value > bounds.min : value >= bounds.min) &&
          value <= bounds.max &&
          roundPersonDays(value) === value,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a number of person-days ${above} ${bounds.min} to ${bounds.max}, to the hundredth`,
      },
    },
    options,
  );
}

/**
 * The field may be left out; when it is sent it is checked, null included, since the document
 * gives its type without null. (class-validator's IsOptional skips a null unchecked.)
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** Text with at least one character that is not white space. */
export const NotBlank = (field: string): PropertyDecorator =>
  ValidateBy({
    name: 'isNotBlank',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && /\S/.test(value),
      defaultMessage: () => `${field} must not be blank`,
    },
  });

/** NotBlank, but only when `when(object)` holds (e.g. a comment only when disagreeing). */
export const NotBlankWhen = <T>(field: string, when: (o: T) => boolean): PropertyDecorator =>
  ValidateBy({
    name: 'isNotBlankWhen',
    validator: {
      validate: (value: unknown, args) =>
        !when(args?.object as T) || (typeof value === 'string' && /\S/.test(value)),
      defaultMessage: () => `${field} must not be blank`,
    },
  });
