import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ContractAccessService } from './contract-access.service';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

/** Contracts and their audit trail; ContractAccessService is global for every contract feature. */
@Global()
@Module({
  imports: [IdentityModule],
  controllers: [ContractsController],
  providers: [ContractsService, ContractAccessService],
  exports: [ContractAccessService, ContractsService],
})
export class ContractsModule {}
