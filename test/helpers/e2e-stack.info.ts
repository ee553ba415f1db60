export const E2E_STACK_FILE_ENV = 'LUYUE_E2E_STACK_FILE';

/** What the global setup started, for the e2e test files. */
export interface E2eStackInfo {
  api: string;
  /** Every api process on loopback (several in the cluster tier). */
  apis: string[];
  mail: string;
  databaseUrl: string;
  temporalAddress: string;
  dataDir: string;
  /** The environment the api and worker run with (secrets included). */
  env: Record<string, string>;
  /** Fault tier only: POST <control>/mail/stop or /mail/start stops or restarts the SMTP sink. */
  control?: string;
}
