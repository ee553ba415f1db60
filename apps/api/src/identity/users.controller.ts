import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditActorOf, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { meFromUser } from '../auth/dto/me.dto';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestId } from '../common/request-id.decorator';
import { AccountsService } from './accounts.service';
import {
  CreatedUserDto,
  CreateUserDto,
  PasswordResetDto,
  ResetPasswordDto,
  SetRolesDto,
  toUserDto,
  UserDto,
  UserListQueryDto,
} from './dto/user.dto';
import { ProvisioningService } from './provisioning.service';

@ApiTags('users')
@Authenticated()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly provisioning: ProvisioningService,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  // A generated password is in the answer: no cache (browser or proxy) may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create a user in an organization (admin); a generated password is shown once',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiErrors({ 409: 'A user with this email exists' })
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

  @Get()
  @ApiOperation({ summary: 'Every user, or one organization’s, disabled ones included (admin)' })
  @ApiOkResponse({ type: UserDto, isArray: true })
  async list(@Query() query: UserListQueryDto): Promise<UserDto[]> {
    return (await this.accounts.list(query)).map(toUserDto);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a user (admin): logins are refused and every session ends at once',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors({ 404: true, 409: 'An admin cannot disable its own account' })
  async disable(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<UserDto> {
    return toUserDto(await this.accounts.disable(actor, id, requestId));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-enable a disabled user (admin); old sessions stay ended' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors({ 404: true })
  async enable(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<UserDto> {
    return toUserDto(await this.accounts.enable(actor, id, requestId));
  }

  @Put(':id/roles')
  @ApiOperation({
    summary: "Replace a user's roles (admin); they must fit its organization's party",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors({ 404: true })
  async setRoles(
    @Param('id') id: string,
    @Body() body: SetRolesDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<UserDto> {
    return toUserDto(await this.accounts.setRoles(actor, id, body.roles, requestId));
  }

  @Post(':id/password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Reset a password (admin): given or generated (shown once); every session ends',
  })
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiErrors({ 404: true })
  async resetPassword(
    @Param('id') id: string,
    @Body() body: ResetPasswordDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<PasswordResetDto> {
    const reset = await this.accounts.resetPassword(actor, id, body.password, requestId);
    return { user: toUserDto(reset.user), password: reset.password };
  }
}
