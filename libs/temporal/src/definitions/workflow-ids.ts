/** Workflow ids are derived from business keys so that a duplicate start is refused by Temporal. */
export const deadlineWatchWorkflowId = (subject: string): string => `deadline:${subject}`;

export const WORKFLOW_TYPES = { deadlineWatch: 'deadlineWatchWorkflow' } as const;
