import { ApiProperty } from '@nestjs/swagger';
import { API_EXAMPLES, PARTIES, type Party, ROLES, type Role, type Actor } from '@luyue/domain';
import type { UserRecord } from '@luyue/persistence';

export class OrganizationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: API_EXAMPLES.organizationName }) name!: string;
  @ApiProperty({ enum: PARTIES }) party!: Party;
}

export class MeDto {
  @ApiProperty({ enum: ['user', 'operator'] }) kind!: 'user' | 'operator';
  @ApiProperty({ description: 'User id; `operator` for the ADMIN_TOKEN' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: OrganizationRefDto, nullable: true })
  organization!: OrganizationRefDto | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}

export function meFromUser(user: UserRecord): MeDto {
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    organization: user.organization,
    roles: user.roles,
  };
}

export function meFromOperator(actor: Actor): MeDto {
  return {
    kind: 'operator',
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    phone: null,
    organization: null,
    roles: actor.roles,
  };
}
