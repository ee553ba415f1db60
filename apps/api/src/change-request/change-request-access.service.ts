import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@luyue/domain';
import { isChangeRequestId } from '@luyue/change-request/definitions';
import { ChangeRequestQueryRepository, type ChangeRequestRow } from '@luyue/change-request';
import { type ContractRecord } from '@luyue/persistence';
import { ContractAccessService, type SubjectKind } from '../contracts/contract-access.service';

export interface VisibleChange {
  row: ChangeRequestRow;
  contract: ContractRecord;
}

/** Every read about one change goes through here: outsiders get the 404 of a missing one. */
@Injectable()
export class ChangeRequestAccessService {
  readonly subjects: SubjectKind<ChangeRequestRow>;

  constructor(
    private readonly contracts: ContractAccessService,
    changes: ChangeRequestQueryRepository,
  ) {
    this.subjects = {
      // A change whose workflow has not written its first state is not there yet.
      find: async (id) => {
        const row = isChangeRequestId(id) ? await changes.find(id) : null;
        return row?.state ? row : null;
      },
      notFound,
    };
  }

  async requireVisible(actor: Actor, id: string): Promise<VisibleChange> {
    const { subject, contract } = await this.contracts.requireSubject(actor, this.subjects, id);
    return { row: subject, contract };
  }
}

export function notFound(id: string): DomainError {
  return new DomainError('not_found', 'change.not_found', { id });
}
