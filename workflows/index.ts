// Every workflow the worker registers; bundled by Temporal's webpack bundler.
export { deadlineWatchWorkflow } from './deadline-watch.workflow';
export { noopWorkflow } from './noop.workflow';
export { customizationRequestWorkflow } from './requirement.workflow';
export { changeRequestWorkflow } from './change-request.workflow';
export { securityTaskWorkflow } from './security-task.workflow';
export { securityImportWorkflow } from './security-import.workflow';
export { faultTicketWorkflow } from './fault-ticket.workflow';
export { dutyWorkflow } from './duty.workflow';
