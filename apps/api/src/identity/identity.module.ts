import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { OrganizationsController } from './organizations.controller';
import { PasswordHasherService } from './password-hasher.service';
import { ProvisioningService } from './provisioning.service';
import { UsersController } from './users.controller';

/** Organizations and users (admin routes) and the provisioning shared with the CLI and seed. */
@Module({
  controllers: [OrganizationsController, UsersController],
  providers: [AccountsService, PasswordHasherService, ProvisioningService],
  exports: [AccountsService, PasswordHasherService, ProvisioningService],
})
export class IdentityModule {}
