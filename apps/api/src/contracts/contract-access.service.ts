import { Injectable } from '@nestjs/common';
import { DomainError, type Actor, type Party } from '@luyue/domain';
import { ContractRepository, type ContractRecord } from '@luyue/persistence';
import { decideAccess, type AccessIntent } from '../kit/access.decision';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One kind of item in a contract: how to find it by id, and the 404 a stranger gets. */
export interface SubjectKind<S extends { contractId: string }> {
  find(id: string): Promise<S | null>;
  notFound(id: string): DomainError;
  /** The item an email link must be for to reach this subject (default: the subject itself). */
  itemOf?(subject: S): string | null;
}

/** An item the actor may see, its contract, and the actor as it acts there. */
export interface Visible<S> {
  subject: S;
  contract: ContractRecord;
  acting: Actor;
}

/**
 * Contract membership for every route about a contract or its items, decided by
 * `decideAccess` on one read of the contract. An outsider gets 404 exactly as for a contract
 * (or an item) that does not exist, so nothing about it leaks.
 */
@Injectable()
export class ContractAccessService {
  constructor(private readonly contracts: ContractRepository) {}

  /** The contract if the actor's organization is party to it, or the actor is an admin. */
  async requireParty(actor: Actor, contractId: string): Promise<ContractRecord> {
    return (await this.decide(actor, contractId, 'see', notFound)).contract;
  }

  /**
   * For acting in a contract (submitting, approving, replying): the actor must speak for one
   * of its parties. An admin looking on without being a party may read but not act: 403.
   */
  async requireActingParty(
    actor: Actor,
    contractId: string,
  ): Promise<{ contract: ContractRecord; party: Party }> {
    const { contract, acting } = await this.decide(actor, contractId, 'act', notFound);
    return { contract, party: acting.party! };
  }

  /**
   * An item of a contract, with its contract: the item's contract decides who may see it, and an
   * outsider (or an email link issued for another item) gets the 404 of a missing one.
   */
  async requireSubject<S extends { contractId: string }>(
    actor: Actor,
    kind: SubjectKind<S>,
    id: string,
    linkSubjectId?: string | null,
  ): Promise<Visible<S>> {
    const subject = await kind.find(id);
    if (!subject) throw kind.notFound(id);
    const hidden = () => kind.notFound(id);
    const item = kind.itemOf ? (kind.itemOf(subject) ?? '') : id;
    const found = await this.decide(actor, subject.contractId, 'see', hidden, item, linkSubjectId);
    return { subject, ...found };
  }

  private async decide(
    actor: Actor,
    contractId: string,
    intent: AccessIntent,
    hidden: () => DomainError,
    subjectId?: string,
    linkSubjectId?: string | null,
  ): Promise<{ contract: ContractRecord; acting: Actor }> {
    const contract = UUID.test(contractId) ? await this.contracts.findById(contractId) : null;
    const answer = decideAccess({ actor, contract, intent, subjectId, linkSubjectId });
    if (answer.allowed) return { contract: contract!, acting: answer.acting };
    if (answer.refusal === 'forbidden') throw notActing();
    throw hidden();
  }
}

/** A subject's contract already decided: may this actor act in it (403 when it only looks on)? */
export function requireActingIn(actor: Actor, contract: ContractRecord): Actor {
  const answer = decideAccess({ actor, contract, intent: 'act' });
  if (answer.allowed) return answer.acting;
  throw answer.refusal === 'forbidden' ? notActing() : notFound();
}

function notActing(): DomainError {
  return new DomainError('forbidden', 'contract.parties_only', {});
}

function notFound(): DomainError {
  return new DomainError('not_found', 'contract.not_found', {});
}
