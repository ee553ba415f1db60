/** The three parties of a maintenance contract: hospital, vendor and supervisor (PARTY_LABELS). */
export const PARTIES = ['hospital', 'vendor', 'supervisor'] as const;
export type Party = (typeof PARTIES)[number];

export function isParty(value: unknown): value is Party {
  return typeof value === 'string' && (PARTIES as readonly string[]).includes(value);
}
