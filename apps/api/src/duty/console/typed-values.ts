/** What a refused form sent, as its controls show it again (a checkbox list one value a line). */
export const typedValues = (body: Record<string, unknown> | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body ?? {}).flatMap(([k, v]) =>
      typeof v === 'string' ? [[k, v]] : Array.isArray(v) ? [[k, v.join('\n')]] : [],
    ),
  );
