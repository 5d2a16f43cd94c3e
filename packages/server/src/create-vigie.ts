/**
 * The composition root: builds every service from the config. The server, the workers and the
 * CLI's local administration commands all start Vigie through here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createIngestPipeline, createQueryIndex, createQueryMatcher, type Source, type Store, type Workspace } from '@vigie/core';
import { createAnalysisPipeline } from '@vigie/analysis';
import { createHttpClient, sanitizeMentionInput } from '@vigie/connectors';
import { createStore } from '@vigie/store';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createMentionBus } from './events/mention-bus';
import { createAlertWorker } from './workers/alert-worker';
import { createAlertChannels } from './workers/alert-channels';
import { pollSource } from './jobs/poll-source.job';
import { createSourcePoller } from './workers/source-poller';
import { createDemoService } from './jobs/demo-service';
import { createRetentionJob } from './jobs/retention.job';
import { createDataRightsService } from './services/data-rights-service';
import { loadSecretBox } from './security/source-secrets';
import { createStreamWorker } from './workers/stream-worker';
import { createAccountService } from './services/account-service';
import { createOAuthFlow, type OAuthFlowDeps } from './services/oauth-flow';
import { createInboxService } from './services/inbox-service';
import { createInboxWorker } from './workers/inbox-worker';
import { createConversationReplyService, type ReplySender } from './services/conversation-reply-service';
import { createConnectorReplySender } from './services/connector-reply-sender';
import { createAudit } from './security/audit';
import { createIdentityMailer } from './security/identity-mail';
import { createIdentityService } from './services/identity-service';
import { createTeamService } from './services/team-service';
import { createInboxDigestJob } from './jobs/inbox-digest.job';

export interface VigieOptions {
  log?: Logger;
  now?: () => Date;
  /** Posts inbox replies on the networks (tests pass a fake); default: the connector's reply capability, else open on the network and confirm. */
  replySender?: ReplySender;
  /** Tests only: OAuth endpoints of a local fixture server (never from configuration). */
  oauthEndpoints?: OAuthFlowDeps['endpoints'];
}

export async function createVigie(config: Config, options: VigieOptions = {}) {
  const log = options.log ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const store: Store = await createStore(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', file: join(config.dataDir, 'vigie.db') },
  );
  const analysis = createAnalysisPipeline();
  const queryIndex = createQueryIndex(createQueryMatcher);
  const { failed } = queryIndex.load(await store.topics.listAllQueries());
  for (const f of failed) log.warn({ queryId: f.queryId, err: f.error }, 'saved query no longer parses; it is not matched');
  const bus = createMentionBus();
  const pipeline = createIngestPipeline({ store, analyze: (input) => analysis.analyze(input), queryIndex, emit: (m) => bus.publish(m) });
  // Every way in (connectors, webhook intake, file import, demo) passes one sanitiser: html through
  // the allow-list, text fields as text, links http(s) only (XSS corpus: connectors/kit/xss-corpus.ts).
  const ingest: typeof pipeline = (workspaceId, inputs, ingestOptions) => pipeline(workspaceId, inputs.map(sanitizeMentionInput), ingestOptions);
  const http = createHttpClient({ allowPrivate: config.allowPrivateUrls });
  const secrets = loadSecretBox(config);
  const oauth = createOAuthFlow({ config, store, secrets, http, log, now, endpoints: options.oauthEndpoints });
  const refreshAccount = oauth.refresh;
  const poll = (source: Source) => pollSource({ store, ingest, http, log, now, secrets, refreshAccount }, source);
  const poller = createSourcePoller({ store, log, now, concurrency: config.pollConcurrency, poll });
  const streams = createStreamWorker({ store, ingest, http, log, now, secrets, refreshAccount });
  const accounts = createAccountService({ store, secrets, log, now, config, streams, refreshAccount });
  const workspace = await ensureDefaultWorkspace(store);
  const inbox = createInboxService({ store, now });
  const inboxWorker = createInboxWorker({ bus, inbox, log });
  const replySender = options.replySender ?? createConnectorReplySender({ store, http, secrets, log, now });
  const replies = createConversationReplyService({ store, now, send: replySender, cooldownMinutes: config.guardCooldownMinutes, onSent: (ws, connector, externalId) => inbox.recordOwnPost(ws, connector, externalId) });
  const demo = createDemoService({ store, ingest, queryIndex, log, now, workspaceId: workspace.id, inbox });
  const alertChannels = createAlertChannels(config, store, secrets);
  const alerts = createAlertWorker({ store, bus, log, now, channels: alertChannels.channels });
  const dataRights = createDataRightsService({ store, now });
  const retention = createRetentionJob({ rights: dataRights, store, log, now });
  const audit = createAudit(store, log, now);
  const identityMailer = createIdentityMailer(config);
  const identityDeps = { store, log, now, config, audit, mailer: identityMailer, defaultWorkspaceId: workspace.id };
  const identity = createIdentityService(identityDeps);
  const team = createTeamService(identityDeps);
  let sessionPurge: ReturnType<typeof setInterval> | undefined;
  const inboxDigest = createInboxDigestJob({ store, log, now, onQueued: () => void alerts.deliver() });

  let setupLink: string | undefined;
  return {
    config,
    log,
    now,
    store,
    analysis,
    queryIndex,
    bus,
    ingest,
    poller,
    /** Live streams (Mastodon, X, Bluesky) of enabled sources, when the worker is on; polling stays the safety net. */
    streams,
    /** Encrypts secrets at rest (source and account tokens). */
    secrets,
    /** Connector accounts: credentials shared by sources, re-authorisation, read budgets. */
    accounts,
    /** OAuth 2 "Connect with…" for accounts. */
    oauth,
    /** Polls one source once (no overlap protection: `poller.runOne` has it). */
    pollSource: poll,
    demo,
    /** Alerts: rollups, episodes and notifications from every ingest batch; the outbox delivery loop. */
    alerts,
    /** The inbox: triage of new mentions into conversations, focus flow, response-time report. */
    inbox,
    /** Feeds the inbox from the mention bus once started. */
    inboxWorker,
    /** Replies from the inbox: guard, hold, approve, send, confirm. */
    replies,
    /** Data rights: workspace export, erasing an author, retention period. */
    dataRights,
    /** The daily retention purge (started with the worker). */
    retention,
    /** The daily low-priority inbox digest (in-app and e-mail through the outbox). */
    inboxDigest,
    /** The instance's first workspace (the demo's); it cannot be deleted. */
    defaultWorkspace: workspace,
    /** Sign-in, sessions, the first owner, password reset and invitations (docs/security.md). */
    identity,
    /** Workspaces, members and API tokens (docs/security.md). */
    team,
    /** `audit(c, action, target?, details?)`: one entry in the request's workspace, naming its caller. */
    audit,
    /** The one-time link that creates the first owner, while nobody has an account (set by `start`). */
    setupLink: (): string | undefined => setupLink,
    /** Seeds the demo on first start, then starts background work (polling, demo replay). */
    async start(): Promise<void> {
      await alerts.start();
      if (config.worker) await retention.start();
      await identity.purgeExpired();
      sessionPurge ??= setInterval(() => void identity.purgeExpired().catch((error: unknown) => log.warn({ err: error }, 'could not purge expired sessions')), 3_600_000);
      sessionPurge.unref();
      setupLink = await identity.createSetupLink();
      if (setupLink) {
        log.warn(`First start: create the owner account at ${setupLink}`);
        log.warn(`Premier démarrage : créez le compte propriétaire sur ${setupLink}`);
      }
      const interrupted = await replies.recoverInterrupted();
      if (interrupted > 0) log.warn({ interrupted }, 'replies left sending by a stop are marked unknown: check them on the network');
      inboxDigest.start();
      inboxWorker.start();
      if (config.demo) await demo.seedIfFirstStart();
      if (config.worker) poller.start();
      if (config.worker) await streams.start();
      if (config.demo && config.demoReplay) demo.startReplay();
    },
    async close(): Promise<void> {
      demo.stopReplay();
      await streams.stop();
      await poller.stop();
      inboxDigest.stop();
      await inboxWorker.stop();
      await alerts.stop();
      await retention.stop();
      alertChannels.close();
      if (sessionPurge) clearInterval(sessionPurge);
      identityMailer?.close();
      await store.close();
    },
  };
}

export type Vigie = Awaited<ReturnType<typeof createVigie>>;

async function ensureDefaultWorkspace(store: Store): Promise<Workspace> {
  const existing = await store.workspaces.getBySlug('default');
  return existing ?? store.workspaces.create({ name: 'Vigie', slug: 'default' });
}
