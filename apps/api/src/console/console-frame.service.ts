import {
  PARTY_LABELS,
  ROLE_LABELS,
  PAGE_TITLES,
  PRODUCT_NAME,
  isAdmin,
  type Actor,
} from '@luyue/domain';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@luyue/config';
import type { Request, Response } from 'express';
import { sessionCookieOptions } from '../auth/session-cookie';
import type { ContractDto } from '../contracts/dto/contract.dto';
import { ContractsService } from '../contracts/contracts.service';
import { CsrfService } from './csrf.service';
import { pageRequestOf, type PageRequest } from './console-page';
import { WorkQueuesService, type QueueTab } from './work-queues.service';
import { BACKLINK_SOURCES, type BacklinkSource, type LinkedSubject } from '../kit/process-registry';

const CONTRACT_COOKIE = 'luyue_contract';
const FLASH_COOKIE = 'luyue_flash';

export interface Crumb {
  href?: string;
  label: string;
}

/** What every console page shows around its content; `contract` is the one switched to. */
export interface Frame {
  contract: ContractDto | null;
  layout: Record<string, unknown>;
  /** The viewer as he acts in the contract, and his queues there (the nav badge counts them). */
  acting: Actor | null;
  tabs: QueueTab[];
}

const NAV = [
  { href: '/', label: PAGE_TITLES.dashboard },
  { href: '/requirements', label: PAGE_TITLES.requirements },
  { href: '/change-requests', label: PAGE_TITLES.changes },
  { href: '/quota', label: PAGE_TITLES.quota },
  { href: '/security', label: PAGE_TITLES.security },
  { href: '/fault-tickets', label: PAGE_TITLES.faultTickets },
  { href: '/duties', label: PAGE_TITLES.duties },
  { href: '/assessment', label: PAGE_TITLES.assessment },
  { href: '/audit', label: PAGE_TITLES.audit },
] as const;

/** Shown to admins only; the pages behind it refuse everyone else. */
const ADMIN_NAV = { href: '/admin', label: PAGE_TITLES.admin } as const;

/** The layout of every console page: user and party, contract switcher, nav, crumbs, flash. */
@Injectable()
export class ConsoleFrameService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly csrf: CsrfService,
    private readonly config: AppConfig,
    private readonly queues: WorkQueuesService,
    @Inject(BACKLINK_SOURCES) private readonly backlinks: BacklinkSource[],
  ) {}

  async frame(
    req: Request,
    res: Response,
    actor: Actor,
    page: { title: string; crumbs: Crumb[]; section: string; subject?: LinkedSubject },
  ): Promise<Frame> {
    return this.frameOf(pageRequestOf(req, res, actor), page);
  }

  /** The contract a console request is about: the one asked for, the remembered one, or the first. */
  async contractOf(request: PageRequest) {
    const mine = await this.contracts.list(request.actor);
    const asked = typeof request.query.contract === 'string' ? request.query.contract : undefined;
    const contract =
      mine.find((c) => c.id === asked) ??
      mine.find((c) => c.id === request.cookies[CONTRACT_COOKIE]) ??
      mine[0] ??
      null;
    return { contract, asked, mine };
  }

  /** The frame of a page, from its page request (what the console services hold). */
  async frameOf(
    request: PageRequest,
    page: { title: string; crumbs: Crumb[]; section: string; subject?: LinkedSubject },
  ): Promise<Frame> {
    const { actor, cookies } = request;
    const { contract, asked, mine } = await this.contractOf(request);
    if (contract && asked === contract.id) {
      request.setCookie(
        CONTRACT_COOKIE,
        contract.id,
        sessionCookieOptions(this.config.PUBLIC_BASE_URL),
      );
    }
    const flash = cookies[FLASH_COOKIE];
    if (flash) request.clearCookie(FLASH_COOKIE, { path: '/' });
    const party = contract ? contract.myParty : actor.party;
    const acting = contract?.myParty ? await this.queues.actingIn(actor, contract.id) : null;
    const tabs = acting && contract ? await this.queues.tabs(acting, contract.id) : [];
    const waiting = tabs.reduce((n, t) => n + t.decide, 0);
    const { subject } = page;
    const backlinks = subject
      ? (await Promise.all(this.backlinks.map((b) => b.linksTo(subject)))).flat()
      : [];
    return {
      contract,
      acting,
      tabs,
      layout: {
        title: `${page.title} · ${PRODUCT_NAME}`,
        user: actor.name,
        party: party ? PARTY_LABELS[party] : '',
        roles: actor.roles.map((r) => ROLE_LABELS[r]).join('、'),
        csrf: this.csrf.token(request.sessionId),
        flash: flash ?? null,
        nav: [...NAV, ...(isAdmin(actor) ? [ADMIN_NAV] : [])].map((n) => ({
          ...n,
          current: n.href === page.section,
          badge: n.href === '/' && waiting > 0 ? waiting : null,
        })),
        contracts: mine.map((c) => ({
          id: c.id,
          label: `${c.number} ${c.name}`,
          selected: c.id === contract?.id,
        })),
        path: request.path,
        crumbs: [{ href: '/', label: PAGE_TITLES.dashboard }, ...page.crumbs],
        backlinks,
      },
    };
  }
}

/** A message for the next page only: a cookie that page reads and clears. */
export function setFlash(res: Response, message: string, publicBaseUrl: string): void {
  res.cookie(FLASH_COOKIE, message, { ...sessionCookieOptions(publicBaseUrl), maxAge: 60_000 });
}
