import { Injectable } from '@nestjs/common';
import { DomainError, isChangeRequestId, type Actor } from '@luyue/domain';
import {
  ChangeRequestQueryRepository,
  type ChangeRequestRow,
  type ContractRecord,
} from '@luyue/persistence';
import { ContractAccessService } from '../contracts/contract-access.service';

export interface VisibleChange {
  row: ChangeRequestRow;
  contract: ContractRecord;
}

/** Every route about one change goes through here: outsiders get the 404 of a missing one. */
@Injectable()
export class ChangeRequestAccessService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly changes: ChangeRequestQueryRepository,
  ) {}

  async requireVisible(actor: Actor, id: string): Promise<VisibleChange> {
    const row = isChangeRequestId(id) ? await this.changes.find(id) : null;
    if (!row || !row.state) throw notFound(id);
    try {
      return { row, contract: await this.contracts.requireParty(actor, row.contractId) };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw notFound(id);
      throw error;
    }
  }
}

export function notFound(id: string): DomainError {
  return new DomainError('not_found', 'change.not_found', { id });
}
