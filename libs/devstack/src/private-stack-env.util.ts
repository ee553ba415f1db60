/** Variables that point at external services or a public address: a private stack drops them. */
const EXTERNAL = ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'SMTP_URL', 'PUBLIC_BASE_URL', 'PORT'];

/** The environment for a throw-away embedded stack (tests, benchmarks), whatever the shell had. */
export function privateStackEnv(base: NodeJS.ProcessEnv, logLevel: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, LOG_LEVEL: logLevel };
  for (const name of EXTERNAL) delete env[name];
  return env;
}
