import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@luyue/domain';
import { parseRequirementId } from '@luyue/requirement/definitions';
import { RequirementQueryRepository, type StoredRequirement } from '@luyue/requirement';
import { type ContractRecord } from '@luyue/persistence';
import { ContractAccessService, type SubjectKind } from '../contracts/contract-access.service';

export interface VisibleRequirement {
  stored: StoredRequirement;
  contract: ContractRecord;
}

/**
 * Every read about one request goes through here: the request's contract decides who may see
 * it, and an outsider gets the same 404 as for a number that does not exist.
 */
@Injectable()
export class RequirementAccessService {
  private readonly subjects;

  constructor(
    private readonly contracts: ContractAccessService,
    requirements: RequirementQueryRepository,
  ) {
    this.subjects = requirementSubjects(requirements);
  }

  async requireVisible(actor: Actor, id: string): Promise<VisibleRequirement> {
    const { subject, contract } = await this.contracts.requireSubject(actor, this.subjects, id);
    return { stored: subject, contract };
  }
}

/** Requests by number; an outsider gets the same 404 as for a number that does not exist. */
export function requirementSubjects(
  requirements: RequirementQueryRepository,
): SubjectKind<StoredRequirement> {
  return {
    find: async (id) => (parseRequirementId(id) ? requirements.find(id) : null),
    notFound: (id) => new DomainError('not_found', 'requirement.not_found', { id }),
  };
}
