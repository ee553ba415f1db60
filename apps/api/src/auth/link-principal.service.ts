import { Injectable } from '@nestjs/common';
import { ROLE_PARTY, type Actor, type LinkTokenPayload } from '@luyue/domain';
import { LinkTokenService } from '@luyue/notifications';
import { UserRepository } from '@luyue/persistence';

/**
 * An email link as a principal: its signed token admitted (every refusal audited), then its
 * recipient as an actor of the link's party with only that party's roles. What it may do with
 * its item is decided where every decision is: the service and the workflow's Update.
 */
@Injectable()
export class LinkPrincipalService {
  constructor(
    private readonly tokens: LinkTokenService,
    private readonly users: UserRepository,
  ) {}

  async admit(
    token: string,
    purpose: string,
    requestId: string | null,
  ): Promise<{ actor: Actor; link: LinkTokenPayload }> {
    const link = await this.tokens.admit(token, purpose, { requestId });
    const user = await this.users.findByEmail(link.recipient);
    if (!user || user.disabledAt || user.organization.party !== link.party) {
      return this.tokens.refuseAdmitted('recipient_gone', link, { requestId });
    }
    const actor: Actor = {
      kind: 'link',
      userId: user.id,
      email: user.email,
      name: user.name,
      organizationId: user.organization.id,
      party: link.party,
      roles: user.roles.filter((r) => ROLE_PARTY[r] === link.party),
    };
    return { actor, link };
  }
}
