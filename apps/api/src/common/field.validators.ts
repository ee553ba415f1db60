import { IsISO8601, Matches, ValidateBy, ValidateIf } from 'class-validator';

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

/** A request's number (REQ-2026-0001), its own rule so a refusal speaks of the request. */
export const RequirementNumber = (): PropertyDecorator =>
  ValidateBy({
    name: 'isRequirementNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && /^REQ-\d{4}-\d{4}$/.test(value),
      defaultMessage: () => 'must be a request number such as REQ-2026-0001',
    },
  });

/** A YYYY-MM-DD calendar date that exists. */
export const CalendarDate = (field: string): PropertyDecorator => {
  const decorators = [
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a YYYY-MM-DD date` }),
    IsISO8601({ strict: true }, { message: `${field} must be a real date` }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};
