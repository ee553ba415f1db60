import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@luyue/config';
import type { Actor } from '@luyue/domain';
import { UserRepository } from '@luyue/persistence';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestId } from '../common/request-id.decorator';
import { CsrfService } from '../console/csrf.service';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './authenticated-request.types';
import { Authenticated } from './authenticated.decorator';
import { CurrentActor } from './current-actor.decorator';
import { LoginAnswer, LoginDto } from './dto/login.dto';
import { MeDto, meFromOperator, meFromUser } from './dto/me.dto';
import { Public } from './public.decorator';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserRepository,
    private readonly config: AppConfig,
    private readonly csrf: CsrfService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: an access token (Bearer) plus an HttpOnly session cookie for pages',
    description:
      'Repeated failures for one email from one address are answered more and more slowly, then refused with 429 for a while.',
  })
  @ApiOkResponse({ type: LoginAnswer })
  @ApiErrors({
    401: 'Wrong email or password (the same answer for both)',
    429: 'Too many failures; `retryAfterSeconds` says when',
  })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId: string | null,
  ): Promise<LoginAnswer> {
    const result = await this.auth.login(body.email, body.password, {
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      userAgent: req.headers['user-agent'] ?? null,
      requestId,
    });
    res.cookie(
      SESSION_COOKIE,
      result.sessionToken,
      sessionCookieOptions(this.config.PUBLIC_BASE_URL, result.sessionExpiresAt),
    );
    return {
      accessToken: result.accessToken,
      tokenType: 'Bearer',
      expiresIn: result.expiresIn,
      csrfToken: this.csrf.token(result.sessionId),
      user: meFromUser(result.user),
    };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Log out: the session, its tokens and its cookie stop working' })
  @ApiNoContentResponse()
  @ApiErrors({ 409: 'The operator token cannot be logged out (it is configuration)' })
  async logout(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    await this.auth.logout(actor, req.sessionId, requestId);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.PUBLIC_BASE_URL));
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'Who am I: user, organization (party) and roles' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    if (actor.kind === 'operator') return meFromOperator(actor);
    const user = await this.users.findById(actor.userId);
    if (!user) throw new Error(`authenticated user ${actor.userId} not found`);
    return meFromUser(user);
  }
}
