/** The three parties of a maintenance contract: 甲方 hospital, 乙方 vendor, 监理方 supervisor. */
export const PARTIES = ['hospital', 'vendor', 'supervisor'] as const;
export type Party = (typeof PARTIES)[number];

export function isParty(value: unknown): value is Party {
  return typeof value === 'string' && (PARTIES as readonly string[]).includes(value);
}
