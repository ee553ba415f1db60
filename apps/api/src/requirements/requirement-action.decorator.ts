import { applyDecorators, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { REQUIREMENT_TRANSITIONS, type RequirementAction, type Role } from '@luyue/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../common/idempotent.decorator';
import { RequirementDto } from './dto/requirement.dto';

/**
 * `POST /api/requirements/:id/actions/<action>`: the route, its roles (from the action table in
 * @luyue/domain, so the guard and the workflow agree) and its OpenAPI text.
 */
export function RequirementActionRoute(action: RequirementAction, summary: string) {
  const rule = REQUIREMENT_TRANSITIONS[action];
  const to = rule.to ? `; moves it to ${rule.to}` : '';
  return applyDecorators(
    Post(`:id/actions/${action}`),
    HttpCode(HttpStatus.OK),
    Roles(...(rule.roles as [Role, ...Role[]])),
    ApiOperation({
      summary,
      description: `${rule.roles.join(' or ')}, while the request is ${rule.from.join(' / ')}${to}. Answers the request as the action left it.`,
    }),
    Idempotent(),
    ApiOkResponse({ type: RequirementDto }),
    ApiErrors({
      400: 'The payload is invalid; `fields` names them',
      403: 'Not a role (of your party) that may take this action',
      404: 'No such request in a contract you are party to',
      409: 'invalid_state: `currentStatus` and `allowedActions` say what is possible; quota_exceeded: `remaining` person-days',
    }),
  );
}
