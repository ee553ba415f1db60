import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DEV_SECRET_NAMES = ['ADMIN_TOKEN', 'JWT_SECRET', 'LINK_TOKEN_SECRET'] as const;
export type DevSecrets = Record<(typeof DEV_SECRET_NAMES)[number], string>;

/** The secrets the apps require but a fresh clone has none of: generated once and kept in
 * <dataDir>/dev-secrets.json, so sessions and mailed links stay valid across restarts. */
export async function loadOrCreateDevSecrets(
  dataDir: string,
): Promise<DevSecrets & { file: string }> {
  const file = join(dataDir, 'dev-secrets.json');
  const stored = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Partial<DevSecrets>)
    .catch((): Partial<DevSecrets> => ({}));
  const secrets = { ...stored } as DevSecrets;
  let changed = false;
  for (const name of DEV_SECRET_NAMES) {
    if (typeof secrets[name] !== 'string' || secrets[name].length < 32) {
      secrets[name] = randomBytes(32).toString('base64url');
      changed = true;
    }
  }
  if (changed) await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return { ...secrets, file };
}
