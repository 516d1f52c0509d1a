import type { DataSource } from 'typeorm';
import type { HelpdeskPolicy } from './policy';
import type { Clock } from './clock';
import { CommentService } from './services/comments';
import { DashboardAccess } from './services/dashboard-access';
import { DashboardViews } from './services/dashboard-views';
import type { ServiceContext } from './services/context';
import { DeliveryViews } from './services/delivery-view';
import { FiguresService } from './services/figures';
import { CatalogService } from './services/catalog';
import { GuideService } from './services/guides';
import { KnowledgeService } from './services/knowledge';
import { LanguageService } from './services/languages';
import { MajorIncidentService } from './services/major-incidents';
import { DmQuestionService, MessageTicketService } from './services/message-tickets';
import { ProposalViews } from './services/proposal-view';
import { PrivacyService } from './services/privacy';
import { RatingService } from './services/ratings';
import { SavedReplyService } from './services/saved-replies';
import { ReplayGuard } from './services/replays';
import { SlaService } from './services/sla';
import { StatsService } from './services/stats';
import { SettingsService } from './services/settings';
import { StaffService } from './services/staff';
import { TicketQueries } from './services/ticket-queries';
import { TicketService } from './services/tickets';

/** The whole core, as the adapters and jobs use it. */
export interface Helpdesk {
  ctx: ServiceContext;
  tickets: TicketService;
  /** Tickets opened from a chat message (a DM, a message command, a shortcut, a reaction). */
  messageTickets: MessageTicketService;
  /** The "Open a ticket with this message?" each person has open in their DM with the bot. */
  dmQuestions: DmQuestionService;
  comments: CommentService;
  queries: TicketQueries;
  staff: StaffService;
  knowledge: KnowledgeService;
  sla: SlaService;
  ratings: RatingService;
  savedReplies: SavedReplyService;
  stats: StatsService;
  /** The dashboard's figures and ticket export (admins). */
  figures: FiguresService;
  major: MajorIncidentService;
  catalog: CatalogService;
  guides: GuideService;
  settings: SettingsService;
  /** The language each person reads, and their choice of it. */
  languages: LanguageService;
  privacy: PrivacyService;
  /** For the platform senders: what to send, and where the platform put it. */
  deliveries: DeliveryViews;
  /** For the platform senders: a major-incident proposal's alert, and where it is. */
  proposals: ProposalViews;
  /** Signed requests already acted on (a replayed form submission). */
  replays: ReplayGuard;
  /** The web dashboard's sign-in links and sessions. */
  dashboard: DashboardAccess;
  /** The dashboard's own reads: the filtered queue, a ticket's surroundings, files, major incidents. */
  dashboardViews: DashboardViews;
}

export function createHelpdesk(options: {
  dataSource: DataSource;
  clock: Clock;
  policy: HelpdeskPolicy;
  onDeliveriesWritten?: () => void;
}): Helpdesk {
  const ctx: ServiceContext = { ...options };
  return {
    ctx,
    tickets: new TicketService(ctx),
    messageTickets: new MessageTicketService(ctx),
    dmQuestions: new DmQuestionService(ctx),
    comments: new CommentService(ctx),
    queries: new TicketQueries(ctx),
    staff: new StaffService(ctx),
    knowledge: new KnowledgeService(ctx),
    sla: new SlaService(ctx),
    ratings: new RatingService(ctx),
    savedReplies: new SavedReplyService(ctx),
    stats: new StatsService(ctx),
    figures: new FiguresService(ctx),
    major: new MajorIncidentService(ctx),
    catalog: new CatalogService(ctx),
    guides: new GuideService(ctx),
    settings: new SettingsService(ctx),
    languages: new LanguageService(ctx),
    privacy: new PrivacyService(ctx),
    deliveries: new DeliveryViews(ctx),
    proposals: new ProposalViews(ctx),
    replays: new ReplayGuard(ctx),
    dashboard: new DashboardAccess(ctx),
    dashboardViews: new DashboardViews(ctx),
  };
}
