import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditActorOf, type Actor } from '@luyue/domain';
import { meFromUser } from '../auth/dto/me.dto';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { RequestId } from '../common/request-id.decorator';
import { CreatedUserDto, CreateUserDto } from './dto/user.dto';
import { ProvisioningService } from './provisioning.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly provisioning: ProvisioningService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Create a user in an organization (admin); a generated password is shown once',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  async create(
    @Body() body: CreateUserDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<CreatedUserDto> {
    const { user, password } = await this.provisioning.createUser(
      auditActorOf(actor),
      body,
      requestId,
    );
    return { user: meFromUser(user), password };
  }
}
