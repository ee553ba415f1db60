import type { MessageKey } from '../wording/messages';
import type { Actor } from '../actor.types';
import { DomainError } from '../domain-error';
import { ROLE_PARTY } from '../role.types';
import type { ActionRule, ProcessTable } from './process-table.types';

/** True when one of the actor's roles is allowed and belongs to the party it speaks for. */
export function mayTakeRule(
  rule: Pick<ActionRule<string, string>, 'roles'>,
  actor: Pick<Actor, 'roles' | 'party'>,
): boolean {
  return (
    actor.party !== null &&
    rule.roles.some((role) => actor.roles.includes(role) && ROLE_PARTY[role] === actor.party)
  );
}

/** Actions possible in `status`: for this actor when given, otherwise for anyone. */
export function allowedActionsIn<S extends string, A extends string>(
  table: ProcessTable<S, A, string, string>,
  status: S,
  actor?: Pick<Actor, 'roles' | 'party'>,
): A[] {
  return table.order.filter(
    (action) =>
      table.actions[action].from.includes(status) &&
      (actor === undefined || mayTakeRule(table.actions[action], actor)),
  );
}

/**
 * The states in which the actor has a step that waits for him (`decide`), and those in which all
 * his steps are optional (`optional`): what his work queue lists under each.
 */
export function queueStatuses<S extends string, A extends string>(
  table: ProcessTable<S, A, string, string>,
  actor: Pick<Actor, 'roles' | 'party'>,
): { decide: S[]; optional: S[] } {
  const states = [...new Set(table.order.flatMap((a) => table.actions[a].from))];
  const mine = (s: S) => allowedActionsIn(table, s, actor).map((a) => table.actions[a]);
  return {
    decide: states.filter((s) => mine(s).some((r) => !r.optional)),
    optional: states.filter((s) => mine(s).length > 0 && mine(s).every((r) => r.optional)),
  };
}

/** A process's own words for a refused state, in place of the generic one. */
export interface StateRefusal {
  key: MessageKey;
  params: object;
}

/**
 * May this actor take this action now? Null when yes. A wrong role or party is `forbidden` (403)
 * whatever the state; a wrong state is `invalid_state` (409) naming the current state and the
 * actions possible in it. `noun` names the item in messages ("a request").
 */
export function checkActionIn<S extends string, A extends string>(
  table: ProcessTable<S, A, string, string>,
  item: { id: string; status: S },
  action: A,
  actor: Pick<Actor, 'roles' | 'party'>,
  noun: string,
  stateMessage?: (action: A, status: S) => StateRefusal | null,
): DomainError | null {
  const rule = table.actions[action];
  if (!mayTakeRule(rule, actor)) {
    return new DomainError(
      'forbidden',
      'action.role_refused',
      { roles: [...rule.roles], action, noun },
      { action, allowedRoles: [...rule.roles] },
    );
  }
  if (!rule.from.includes(item.status)) {
    const said = stateMessage?.(action, item.status) ?? {
      key: 'action.not_now',
      params: { id: item.id, status: item.status, action },
    };
    return new DomainError('invalid_state', said.key, said.params as never, {
      action,
      currentStatus: item.status,
      allowedActions: allowedActionsIn(table, item.status),
      // Of those, the ones the caller may take (what the 409 page offers him).
      yourActions: allowedActionsIn(table, item.status, actor),
    });
  }
  return null;
}

/**
 * The addresses told about a step: its `notify` resolved by `resolve`, without the person who
 * acted, each address once (compared case-insensitively; the first spelling is kept).
 */
export function recipientsOf<R extends string>(
  notify: readonly R[],
  resolve: (recipient: R) => readonly string[],
  actorEmail: string | null,
): string[] {
  const seen = new Set([actorEmail?.trim().toLowerCase()]);
  const to: string[] = [];
  for (const address of notify.flatMap((r) => resolve(r)).map((a) => a.trim())) {
    const key = address.toLowerCase();
    if (address && !seen.has(key)) to.push(address);
    seen.add(key);
  }
  return to;
}
