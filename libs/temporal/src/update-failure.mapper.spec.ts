import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { domainErrorOf } from './update-failure.mapper';

describe('domainErrorOf', () => {
  it("turns a workflow's refusal back into its DomainError with the details", () => {
    const refusal = ApplicationFailure.create({
      type: 'invalid_state',
      message: 'REQ-2026-0001 is assessing: approve is not possible now',
      details: [{ currentStatus: 'assessing', allowedActions: ['assess', 'cancel'] }],
    });
    const error = domainErrorOf(new WorkflowUpdateFailedError('Workflow Update failed', refusal));
    expect(error).toMatchObject({
      code: 'invalid_state',
      details: { currentStatus: 'assessing', allowedActions: ['assess', 'cancel'] },
    });
  });

  it('answers a Temporal server that is down or stalled as dependency_unavailable, not a 500', () => {
    expect(domainErrorOf(new ServiceError('Workflow Update failed'))).toMatchObject({
      code: 'dependency_unavailable',
      details: { dependency: 'temporal' },
    });
  });

  it('marks a workflow that has ended, and leaves anything else alone', () => {
    expect(domainErrorOf(new WorkflowNotFoundError('gone', 'REQ-1', undefined))).toMatchObject({
      code: 'not_found',
      details: { workflowClosed: true },
    });
    expect(domainErrorOf(new Error('boom'))).toBeNull();
  });
});
