import { Injectable } from '@nestjs/common';
import {
  actorPartyIn,
  DomainError,
  parseRequirementId,
  rolesInContract,
  type Actor,
} from '@luyue/domain';
import {
  RequirementQueryRepository,
  type ContractRecord,
  type StoredRequirement,
} from '@luyue/persistence';
import { ContractAccessService } from '../contracts/contract-access.service';

export interface VisibleRequirement {
  stored: StoredRequirement;
  contract: ContractRecord;
}

/**
 * Every route about one request goes through here: the request's contract decides who may see
 * it, and an outsider gets the same 404 as for a number that does not exist.
 */
@Injectable()
export class RequirementAccessService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly requirements: RequirementQueryRepository,
  ) {}

  async requireVisible(actor: Actor, id: string): Promise<VisibleRequirement> {
    const stored = parseRequirementId(id) ? await this.requirements.find(id) : null;
    if (!stored) throw notFound(id);
    try {
      return { stored, contract: await this.contracts.requireParty(actor, stored.contractId) };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw notFound(id);
      throw error;
    }
  }
}

/**
 * The actor as the workflow must judge it: speaking for its party in this contract only, with
 * only the roles of that party (an admin who is not a party may read, not act).
 */
export function actorInContract(actor: Actor, contract: ContractRecord): Actor {
  return {
    ...actor,
    party: actorPartyIn(actor, contract),
    roles: rolesInContract(actor, contract),
  };
}

function notFound(id: string): DomainError {
  return new DomainError('not_found', 'requirement.not_found', { id });
}
