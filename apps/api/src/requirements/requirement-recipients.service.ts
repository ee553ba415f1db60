import { Injectable } from '@nestjs/common';
import { ROLE_PARTY, type RequirementNotify } from '@luyue/domain';
import { UserRepository, type ContractRecord } from '@luyue/persistence';

/**
 * Who the workflow mails about each step, by role: the enabled users of the contract's three
 * organizations, resolved once when the request is submitted (the workflow keeps the list).
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
    const notify: RequirementNotify = {};
    for (const user of members.flat()) {
      if (user.disabledAt) continue;
      for (const role of user.roles) {
        // Only roles of the party the user's organization is in this contract (not admin).
        if (ROLE_PARTY[role] !== user.organization.party) continue;
        (notify[role] ??= []).push(user.email);
      }
    }
    return notify;
  }
}
