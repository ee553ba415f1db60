import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditActorOf, type Actor } from '@luyue/domain';
import { OrganizationRepository } from '@luyue/persistence';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestId } from '../common/request-id.decorator';
import { CreateOrganizationDto, OrganizationDto } from './dto/organization.dto';
import { ProvisioningService } from './provisioning.service';

@ApiTags('organizations')
@Authenticated()
@Controller('api/organizations')
export class OrganizationsController {
  constructor(
    private readonly provisioning: ProvisioningService,
    private readonly organizations: OrganizationRepository,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a hospital, vendor or supervisor organization (admin)' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiErrors({ 409: 'An organization of this name exists' })
  create(
    @Body() body: CreateOrganizationDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<OrganizationDto> {
    return this.provisioning.createOrganization(
      auditActorOf(actor),
      body.name,
      body.party,
      requestId,
    );
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every organization (admin)' })
  @ApiOkResponse({ type: OrganizationDto, isArray: true })
  list(): Promise<OrganizationDto[]> {
    return this.organizations.list();
  }
}
