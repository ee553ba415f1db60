import { applyDecorators, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, type ApiResponseOptions } from '@nestjs/swagger';
import type { ActionRule, Role } from '@luyue/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors, type ErrorStatus } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotent.decorator';

type ErrorTexts = Partial<Record<ErrorStatus, string | true>>;

/** What one process's action routes share; the rest comes from its table. */
export interface ActionRoutesSpec<A extends string> {
  /** The route of an action, under the controller's prefix. */
  path(action: A): string;
  /** The operation's description, from the action's rule in the table (none: no description). */
  describe?(rule: ActionRule<string, string>): string;
  /** The success answer in the document. */
  ok: ApiResponseOptions;
  /** The refusals every action of the process may answer. */
  errors: ErrorTexts;
}

/** What one route adds: its summary, a description of its own, refusals of its own. */
export interface ActionRouteOptions {
  description?: string;
  errors?: ErrorTexts;
  /** An upload's multipart body is not replayed, so such a route may opt out of the key. */
  idempotent?: boolean;
}

/**
 * The one action-route decorator: `POST` at the action's path answering 200, its roles from the
 * process table (so the guard and the workflow agree), `Idempotency-Key` honoured, and its
 * OpenAPI text. `actionRoutes(TABLE, spec)` gives the process's decorator.
 */
export function actionRoutes<A extends string>(
  table: { actions: { readonly [K in A]: ActionRule<string, string> } },
  spec: ActionRoutesSpec<A>,
) {
  return (action: A, summary: string, options: ActionRouteOptions = {}): MethodDecorator => {
    const rule = table.actions[action];
    const description = options.description ?? spec.describe?.(rule);
    return applyDecorators(
      Post(spec.path(action)),
      HttpCode(HttpStatus.OK),
      // Applied before the shared ones, so a route's own text reads first in the document.
      ...(options.errors ? [ApiErrors(options.errors)] : []),
      Roles(...(rule.roles as [Role, ...Role[]])),
      ApiOperation(description === undefined ? { summary } : { summary, description }),
      ...(options.idempotent === false ? [] : [Idempotent()]),
      ApiOkResponse(spec.ok),
      ApiErrors(spec.errors),
    );
  };
}
