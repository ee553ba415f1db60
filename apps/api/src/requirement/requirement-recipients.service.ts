import { Injectable } from '@nestjs/common';
import { contactsByRole } from '@luyue/domain';
import { type RequirementNotify } from '@luyue/requirement/definitions';
import { UserRepository, type ContractRecord } from '@luyue/persistence';

/**
 * Who the workflows mail about each step, by role: the enabled users of the contract's three
 * organizations, resolved once when an item starts (the workflow keeps the list).
 */
@Injectable()
export class RequirementRecipientsService {
  constructor(private readonly users: UserRepository) {}

  async byRole(contract: ContractRecord): Promise<RequirementNotify> {
    const organizations = [
      contract.hospitalOrganizationId,
      contract.vendorOrganizationId,
      contract.supervisorOrganizationId,
    ];
    const members = await Promise.all(organizations.map((id) => this.users.listByOrganization(id)));
    return contactsByRole(members.flat());
  }
}
