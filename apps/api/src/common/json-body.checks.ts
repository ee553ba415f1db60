import type { FieldProblem } from '@luyue/domain';
import { isUnstorable, unstorableMessage } from './text-rules';

/** Deeper than any payload of ours; class-transformer recurses once per level. */
export const MAX_BODY_DEPTH = 32;

/**
 * The first thing in a parsed body (JSON, multipart fields, a form) that no route could store or walk safely: nesting past
 * MAX_BODY_DEPTH, or text with a NUL or a lone surrogate. Iterative, so a hostile body cannot
 * overflow the stack here either.
 */
export function unstorableInBody(body: unknown): FieldProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: body, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (typeof value === 'string') {
      if (isUnstorable(value)) {
        return { field, message: unstorableMessage(field) };
      }
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_BODY_DEPTH) {
        return { field, message: `${field} is nested deeper than ${MAX_BODY_DEPTH} levels` };
      }
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        if (isUnstorable(key)) {
          return {
            field,
            message: `${field} has a key with a NUL character or an unpaired surrogate`,
          };
        }
        const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}
