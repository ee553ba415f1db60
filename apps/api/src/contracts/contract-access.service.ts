import { Injectable } from '@nestjs/common';
import { actorPartyIn, canSeeContract, DomainError, type Actor, type Party } from '@luyue/domain';
import { ContractRepository, type ContractRecord } from '@luyue/persistence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Contract membership for every route about a contract or its items. An outsider gets
 * 404 exactly as for a contract that does not exist, so nothing about it leaks.
 */
@Injectable()
export class ContractAccessService {
  constructor(private readonly contracts: ContractRepository) {}

  /** The contract if the actor's organization is party to it, or the actor is an admin. */
  async requireParty(actor: Actor, contractId: string): Promise<ContractRecord> {
    const contract = UUID.test(contractId) ? await this.contracts.findById(contractId) : null;
    if (!contract || !canSeeContract(actor, contract)) throw notFound();
    return contract;
  }

  /**
   * For acting in a contract (submitting, approving, replying): the actor must speak for one
   * of its parties. An admin looking on without being a party may read but not act: 403.
   */
  async requireActingParty(
    actor: Actor,
    contractId: string,
  ): Promise<{ contract: ContractRecord; party: Party }> {
    const contract = await this.requireParty(actor, contractId);
    const party = actorPartyIn(actor, contract);
    if (!party) throw new DomainError('forbidden', 'contract.parties_only', {});
    return { contract, party };
  }
}

function notFound(): DomainError {
  return new DomainError('not_found', 'contract.not_found', {});
}
