import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Omittable } from '../../common/field.validators';
import { API_EXAMPLES, ROLES, type Role } from '@luyue/domain';
import type { UserRecord } from '@luyue/persistence';
import { MeDto, OrganizationRefDto } from '../../auth/dto/me.dto';
import { MIN_PASSWORD_LENGTH } from '../password-hasher.service';

export class CreateUserDto {
  @ApiProperty({ example: 'li.lei@hospital.example' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: API_EXAMPLES.userName })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @Omittable()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'Roles of the organization’s party (admin fits any)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ description: 'Generated and returned once when absent' })
  @Omittable()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password?: string;
}

export class CreatedUserDto {
  @ApiProperty({ type: MeDto }) user!: MeDto;

  @ApiProperty({ description: 'Shown only in this answer; hand it to the person' })
  password!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: OrganizationRefDto }) organization!: OrganizationRefDto;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'When the account was disabled; null while it may log in',
  })
  disabledAt!: Date | null;
}

export function toUserDto(user: UserRecord): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    organization: user.organization,
    roles: user.roles,
    disabledAt: user.disabledAt,
  };
}

export class UserListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the users of this organization' })
  @Omittable()
  @IsUUID()
  organizationId?: string;
}

export class SetRolesDto {
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'The complete new set; roles of the organization’s party (admin fits any)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: 'Generated and returned once when absent' })
  @Omittable()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password?: string;
}

export class PasswordResetDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;

  @ApiProperty({ description: 'Shown only in this answer; hand it to the person' })
  password!: string;
}
