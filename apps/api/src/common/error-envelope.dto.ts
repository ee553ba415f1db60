import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ description: 'The field, dotted for nested ones (`impact.scope`)' })
  field!: string;

  @ApiProperty()
  message!: string;
}

/** `error` of the envelope; codes may add details of their own (`allowedActions`, `remaining`…). */
export class ErrorBodyDto {
  @ApiProperty({ description: 'Stable code: one cause, one code, one HTTP status' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'validation_failed: each field' })
  fields?: FieldProblemDto[];
}

/** Every error answer of the REST api (domain-error.filter.ts). */
export class ErrorEnvelopeDto {
  @ApiProperty({ type: ErrorBodyDto })
  error!: ErrorBodyDto;

  @ApiProperty({ description: 'The request id, also in `X-Request-Id` and the logs' })
  requestId!: string;
}
