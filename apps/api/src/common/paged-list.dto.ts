import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable } from './field.validators';

/** `?page=&pageSize=` of every REST list; a list's query adds its filters to it. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** What a REST list answers: one page of items, the total across pages, and where it stands. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type Class<T> = new (...args: never[]) => T;

/** The paged answer's class for one item type; the list names it (`class XPageDto extends
 * PageOf(XDto) {}`), so each list keeps its own schema in the OpenAPI document. */
export function PageOf<T>(item: Class<T>): Class<Paged<T>> {
  class PageDto implements Paged<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty() total!: number;
    @ApiProperty() page!: number;
    @ApiProperty() pageSize!: number;
  }
  return PageDto;
}
