import type { ValueTransformer } from 'typeorm';

/** numeric(8,2) person-days: pg returns numeric as a string (exact); the domain uses numbers. */
export const personDaysTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
