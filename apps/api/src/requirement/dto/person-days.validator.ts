import { ValidateBy, type ValidationOptions } from 'class-validator';
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
