import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { REQUIREMENT_PRIORITIES, type RequirementPriority } from '@luyue/requirement/definitions';
import { NotBlank, Omittable } from '../../common/field.validators';
import { API_EXAMPLES } from '@luyue/domain';

export class SubmitRequirementDto {
  @ApiProperty({ example: API_EXAMPLES.requirementTitle, maxLength: 200 })
  @IsString()
  @NotBlank('title')
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: API_EXAMPLES.requirementDescription, maxLength: 10000 })
  @IsString()
  @NotBlank('description')
  @MaxLength(10000)
  description!: string;

  @ApiProperty({
    example: 'HIS',
    description:
      "One of the contract's maintained systems (`settings.systems` of GET " +
      '/api/contracts/{id}), spelled as listed there; any other is refused 400 naming `system`.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  system!: string;

  @ApiPropertyOptional({ enum: REQUIREMENT_PRIORITIES, default: 'normal' })
  @Omittable()
  @IsIn(REQUIREMENT_PRIORITIES)
  priority?: RequirementPriority;
}
