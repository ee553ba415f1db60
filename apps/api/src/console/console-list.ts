import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '@luyue/domain';
import type { FieldOption } from './console-field';

/** A list page's filters as the REST list's query DTO; a filter it refuses is a 400 page. */
export async function checkedListQuery<T extends object>(
  dto: ClassConstructor<T>,
  plain: Record<string, unknown>,
): Promise<T> {
  const query = plainToInstance(dto, plain);
  const invalid = await validate(query);
  if (invalid.length > 0) {
    throw new DomainError(
      'validation_failed',
      'validation.list_filter',
      {},
      { fields: invalid.map((e) => ({ field: e.property, message: 'invalid' })) },
    );
  }
  return query;
}

/** What a list page shows of its paging: the page count and the links before and after. */
export function pagingOf(
  found: { total: number; page: number },
  pageSize: number,
  hrefOf: (page: number) => string,
): { total: number; page: number; pages: number; prev: string | null; next: string | null } {
  const pages = Math.max(1, Math.ceil(found.total / pageSize));
  return {
    total: found.total,
    page: found.page,
    pages,
    prev: found.page > 1 ? hrefOf(found.page - 1) : null,
    next: found.page < pages ? hrefOf(found.page + 1) : null,
  };
}

/** The options of a filter's select, the chosen one marked. */
export const optionsOf = <T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  selected: unknown,
): Array<FieldOption & { selected: boolean }> =>
  values.map((value) => ({ value, label: labels[value], selected: value === selected }));
