import { ApiProperty, ApiPropertyOptional, DECORATORS } from '@nestjs/swagger';
import { ArrayMaxSize, IsInt, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NotBlank, NotBlankWhen } from './field.validators';
import { IsPersonDays } from '../requirement/dto/person-days.validator';
import { closeRequestBodies, documentValidationLimits } from './validation-openapi.util';

class ProbeDto {
  @ApiPropertyOptional({ default: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiProperty()
  @NotBlank('title')
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date!: string;

  @ApiProperty()
  @Matches(/^abc$/i)
  caseless!: string;

  @ApiProperty()
  @IsPersonDays({ min: 0, max: 10_000, minExclusive: true })
  days!: number;

  @ApiProperty({ type: [String] })
  @ArrayMaxSize(20)
  @MaxLength(100, { each: true })
  tags!: string[];

  @ApiProperty()
  @NotBlankWhen<ProbeDto>('comment', (o) => o.page === 2)
  comment!: string;

  @IsInt()
  @Max(5)
  hidden!: number;
}

const schemaOf = (property: string): Record<string, unknown> | undefined =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, ProbeDto.prototype, property) as
    Record<string, unknown> | undefined;

describe('documentValidationLimits', () => {
  beforeAll(() => documentValidationLimits());

  it('states the bounds and the integer type the validators enforce', () => {
    expect(schemaOf('page')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      default: 1,
    });
  });

  it('states lengths, patterns, not-blank and person-days', () => {
    expect(schemaOf('title')).toMatchObject({ minLength: 2, maxLength: 200, pattern: '\\S' });
    expect(schemaOf('date')).toMatchObject({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    expect(schemaOf('days')).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 10_000,
      exclusiveMinimum: true,
    });
    expect(schemaOf('tags')).toMatchObject({ maxItems: 20 });
  });

  it('leaves out what a plain keyword would misstate', () => {
    // A flag changes what the pattern matches; `each` rules bind the items; conditions vary.
    expect(schemaOf('caseless')).not.toHaveProperty('pattern');
    expect(schemaOf('tags')).not.toHaveProperty('maxLength');
    expect(schemaOf('comment')).not.toHaveProperty('pattern');
  });

  it('does not publish a property the document does not show', () => {
    expect(schemaOf('hidden')).toBeUndefined();
  });
});

describe('closeRequestBodies', () => {
  it('closes the schemas request bodies reach, not those answers use too', () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/In' } } },
            },
            responses: {
              200: {
                description: '',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } },
              },
            },
          },
        },
        '/b': {
          post: {
            requestBody: {
              content: {
                'multipart/form-data': {
                  schema: { type: 'object', properties: { note: { type: 'string' } } },
                },
              },
            },
            responses: {},
          },
        },
      },
      components: {
        schemas: {
          In: {
            type: 'object',
            properties: {
              nested: { $ref: '#/components/schemas/Nested' },
              shared: { $ref: '#/components/schemas/Shared' },
            },
          },
          Nested: { type: 'object', properties: { x: { type: 'string' } } },
          Out: { type: 'object', properties: { shared: { $ref: '#/components/schemas/Shared' } } },
          Shared: { type: 'object', properties: { y: { type: 'string' } } },
        },
      },
    };
    closeRequestBodies(doc);
    const s = doc.components.schemas as Record<string, Record<string, unknown>>;
    expect(s.In.additionalProperties).toBe(false);
    expect(s.Nested.additionalProperties).toBe(false);
    expect(s.Shared).not.toHaveProperty('additionalProperties');
    expect(s.Out).not.toHaveProperty('additionalProperties');
    const multipart = doc.paths['/b'].post.requestBody.content['multipart/form-data'].schema;
    expect(multipart).toMatchObject({ additionalProperties: false });
  });
});
