/** After an import: the notice's new tasks get their workflows, a retest its results. */
export interface SecurityTaskIssueActivities {
  /**
   * Starts a remediation workflow for every task of the import's notice that has none (at most
   * once each: the workflow id is the task's), tells a retest's results to the open tasks (the
   * Update id is the import's), and queues the notice's one mail about its issued tasks.
   */
  issueRemediationTasks(input: {
    importId: string;
  }): Promise<{ started: number; retested: number }>;
}
