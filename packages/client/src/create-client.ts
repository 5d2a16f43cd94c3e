import type { Mention, Query, Source, Topic } from '@vigie/core';
import type {
  ConnectorInfo,
  ConversationDetail,
  ConversationListFilter,
  ConversationPage,
  ConversationPatchInput,
  ConversationView,
  GuardVerdictView,
  InboxStats,
  ReplyView,
  OwnAccountView,
  InboxDigestSettingsView,
  InboxDigestView,
  SavedReplyView,
  TimeBudgetView,
  DemoStatus,
  FetchResult,
  SourceTestResult,
  Intake,
  NewIntake,
  Health,
  MentionListFilter,
  MentionPage,
  MentionView,
  OpmlImportResult,
  QueryInput,
  QueryPatch,
  QueryPreview,
  QueryValidation,
  SourceInput,
  SourcePatch,
  StatsOverview,
  TopicInput,
  TopicPatch,
  ThemesReport,
} from './api-types';
import type { AlertRuleInput, Role } from '@vigie/core';
import type {
  AddedMember,
  ApiTokenInput,
  ApiTokenView,
  AuditListFilter,
  AuditPage,
  EraseAuthorInput,
  EraseAuthorResult,
  InvitationInfo,
  LoginInput,
  MemberInput,
  MemberView,
  MyWorkspace,
  NewApiToken,
  RetentionView,
  SessionView,
  SetupInput,
} from './api-types';
import type { AlertRulePatch, AlertRuleView, BacktestEpisodeView, EpisodeDetailView, EpisodeSummaryView, NotificationsView, SeriesView } from './api-types';
import type { AccountConnectorInfo, AccountInput, AccountPatch, AccountTestResult, AccountView } from './api-types';
import { ClientError, parseClientError } from './client-error';
import { openMentionStream, type StreamOptions } from './mention-stream';

export interface ClientOptions {
  /** Origin of the Vigie server, e.g. `http://127.0.0.1:4000`; `''` means the page's own origin. */
  baseUrl: string;
  /** API token, sent as `Authorization: Bearer …`. */
  token?: string;
  /** Replaces the global fetch (tests, custom agents). */
  fetch?: typeof fetch;
  /** Workspace id sent as `X-Vigie-Workspace` (else the session's or token's own workspace). */
  workspace?: string;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type QueryParams = Record<string, string | number | undefined>;

interface RequestOptions {
  query?: QueryParams;
  json?: unknown;
  /** A raw body with its content type (OPML upload). */
  raw?: { body: string; contentType: string };
}

const enc = encodeURIComponent;

/**
 * The typed Vigie API client, shared by the web interface and the CLI. Every method maps one
 * route of docs/api.md and throws a `ClientError` when the server answers an error.
 *
 * @example
 * const api = createClient({ baseUrl: 'http://127.0.0.1:4000' });
 * const topic = await api.topics.create({ name: 'Vigie', kind: 'brand', queries: ['vigie NOT emploi'] });
 * const page = await api.mentions.list({ topic: topic.id, search: 'prix' });
 * const stop = api.mentions.stream((m) => console.log(m.title));
 */
export function createClient(options: ClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  /** The session's CSRF token, remembered from session answers and echoed on unsafe methods. */
  let csrfToken: string | null = null;
  let workspace: string | undefined = options.workspace;
  const unauthenticatedListeners = new Set<() => void>();

  function url(path: string, query?: QueryParams): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${base}/api${path}${search ? `?${search}` : ''}`;
  }

  async function request<T>(method: string, path: string, init: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (csrfToken !== null && UNSAFE_METHODS.has(method)) headers['x-csrf-token'] = csrfToken;
    if (workspace !== undefined) headers['x-vigie-workspace'] = workspace;
    let body: string | undefined;
    if (init.raw !== undefined) {
      headers['content-type'] = init.raw.contentType;
      body = init.raw.body;
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    let response: Response;
    try {
      // Same-origin cookies (the session) go with every request; no cookie crosses origins.
      response = await doFetch(url(path, init.query), { method, headers, body, credentials: 'same-origin' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ClientError(0, 'network', `Cannot reach the Vigie server: ${reason}`);
    }
    if (!response.ok) {
      // A session that ended (expiry, sign-out elsewhere) — not a refused sign-in attempt.
      if (response.status === 401 && !path.startsWith('/auth/') && path !== '/session/password') for (const listener of unauthenticatedListeners) listener();
      throw await parseClientError(response);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    // 202 Accepted (password reset) and other bodiless answers.
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ClientError(response.status, 'invalid_response', `Expected JSON from ${method} ${path}`);
    }
  }

  const get = <T>(path: string, query?: QueryParams) => request<T>('GET', path, { query });
  const post = <T>(path: string, json?: unknown) => request<T>('POST', path, { json: json ?? {} });
  const patch = <T>(path: string, json: unknown) => request<T>('PATCH', path, { json });
  const del = (path: string, json?: unknown) => request<void>('DELETE', path, { json });
  const put = <T>(path: string, json: unknown) => request<T>('PUT', path, { json });

  /** Keeps the CSRF token and workspace of a session answer for the next requests. */
  const remember = (session: SessionView): SessionView => {
    csrfToken = session.csrfToken;
    return session;
  };

  return {
    health: () => get<Health>('/health'),
    /** The workspace sent as `X-Vigie-Workspace` on every request; undefined = the session's own. */
    setWorkspace: (id: string | undefined) => {
      workspace = id;
    },
    workspaceId: () => workspace,
    /** Calls `listener` whenever the server answers 401 outside sign-in (the session ended); returns the unsubscribe. */
    onUnauthenticated: (listener: () => void) => {
      unauthenticatedListeners.add(listener);
      return () => {
        unauthenticatedListeners.delete(listener);
      };
    },
    /** Who is calling (401 `unauthenticated` when nobody); remembers the CSRF token. */
    session: {
      get: () => get<SessionView>('/session').then(remember),
      changePassword: (currentPassword: string, newPassword: string) => put<void>('/session/password', { currentPassword, newPassword }),
      /** Makes another of my workspaces the session's current one. */
      switchWorkspace: async (workspaceId: string) => {
        const session = remember(await put<SessionView>('/session/workspace', { workspaceId }));
        workspace = session.workspace.id;
        return session;
      },
    },
    auth: {
      /** Signs in with e-mail and password; the server sets the session cookie. */
      login: (input: LoginInput) => post<SessionView>('/auth/login', input).then(remember),
      logout: async () => {
        await post<void>('/auth/logout');
        csrfToken = null;
        workspace = undefined;
      },
      /** Whether the instance still needs its first owner. */
      setupNeeded: () => get<{ needed: boolean }>('/auth/setup').then((r) => r.needed),
      /** Whether “Sign in with …” (OIDC) is offered, and its label; the button is a plain link to `/api/auth/oidc/start`. */
      oidc: () => get<{ enabled: boolean; name: string }>('/auth/oidc'),
      /** Creates the first owner with the one-time link's token and signs them in. */
      setup: (input: SetupInput) => post<SessionView>('/auth/setup', input).then(remember),
      /** Asks for a reset link by e-mail; always accepted, whether or not the e-mail exists. */
      requestPasswordReset: (email: string) => post<void>('/auth/password-reset', { email }),
      confirmPasswordReset: (token: string, password: string) => post<void>('/auth/password-reset/confirm', { token, password }),
      invitation: (token: string) => get<InvitationInfo>('/auth/invitation', { token }),
      acceptInvitation: (input: { token: string; name: string; password: string }) =>
        post<SessionView>('/auth/invitation', input).then(remember),
    },
    workspaces: {
      /** The workspaces I belong to, with my role in each. */
      list: () => get<{ items: MyWorkspace[] }>('/workspaces').then((r) => r.items),
      /** Creates a workspace (sessions only); its creator becomes owner. */
      create: (input: { name: string; slug?: string }) => post<MyWorkspace>('/workspaces', input),
      rename: (name: string) => patch<MyWorkspace>('/workspace', { name }),
      /** Deletes the current workspace; `confirm` must be its slug. */
      delete: (confirm: string) => del('/workspace', { confirm }),
      /**
       * URL of the JSONL export of the chosen workspace (`?workspace=`, since a download link sends no
       * headers), for a download link; the session cookie authenticates it.
       */
      exportUrl: () => url('/workspace/export', { workspace }),
      retention: () => get<RetentionView>('/workspace/retention'),
      setRetention: (mentionDays: number | null) => put<RetentionView>('/workspace/retention', { mentionDays }),
    },
    members: {
      list: () => get<{ items: MemberView[] }>('/members').then((r) => r.items),
      /** Adds an existing user, or invites a new one (the answer's `inviteUrl` is shown once). */
      add: (input: MemberInput) => post<AddedMember>('/members', input),
      setRole: (userId: string, role: Role) => patch<MemberView>(`/members/${enc(userId)}`, { role }),
      remove: (userId: string) => del(`/members/${enc(userId)}`),
    },
    tokens: {
      list: () => get<{ items: ApiTokenView[] }>('/tokens').then((r) => r.items),
      /** The answer's `secret` is shown once; it cannot be read again. */
      create: (input: ApiTokenInput) => post<NewApiToken>('/tokens', input),
      revoke: (id: string) => del(`/tokens/${enc(id)}`),
    },
    audit: {
      list: (filter: AuditListFilter = {}) => get<AuditPage>('/audit', { ...filter }),
    },
    data: {
      /** Deletes every mention (and conversation) of one author in the workspace. */
      eraseAuthor: (input: EraseAuthorInput) => post<EraseAuthorResult>('/data/erase-author', input),
    },
    /** Connector accounts: credentials shared by sources, re-authorisation, read budgets. */
    accounts: {
      list: () => get<{ items: AccountView[] }>('/accounts').then((r) => r.items),
      /** Connectors that can hold an account, with the account form's JSON Schema. */
      connectors: () => get<{ items: AccountConnectorInfo[] }>('/accounts/connectors').then((r) => r.items),
      get: (id: string) => get<AccountView>(`/accounts/${enc(id)}`),
      create: (input: AccountInput) => post<AccountView>('/accounts', input),
      update: (id: string, input: AccountPatch) => patch<AccountView>(`/accounts/${enc(id)}`, input),
      delete: (id: string) => del(`/accounts/${enc(id)}`),
      test: (id: string) => post<AccountTestResult>(`/accounts/${enc(id)}/test`),
      /**
       * Where to send the browser for "Connect with…" (`accountId` re-authorises that account; `instance` for Mastodon).
       *
       * @example
       * window.location.assign((await client.accounts.oauthStart('x')).url);
       */
      oauthStart: (connector: string, options: { accountId?: string; instance?: string; name?: string } = {}) =>
        get<{ url: string }>(`/oauth/${enc(connector)}/start`, { ...options }),
    },
    connectors: {
      list: () => get<{ items: ConnectorInfo[] }>('/connectors').then((r) => r.items),
    },
    topics: {
      list: () => get<{ items: Topic[] }>('/topics').then((r) => r.items),
      create: (input: TopicInput) => post<Topic>('/topics', input),
      get: (id: string) => get<Topic>(`/topics/${enc(id)}`),
      update: (id: string, input: TopicPatch) => patch<Topic>(`/topics/${enc(id)}`, input),
      delete: (id: string) => del(`/topics/${enc(id)}`),
      addQuery: (topicId: string, input: QueryInput) => post<Query>(`/topics/${enc(topicId)}/queries`, input),
    },
    queries: {
      update: (id: string, input: QueryPatch) => patch<Query>(`/queries/${enc(id)}`, input),
      delete: (id: string) => del(`/queries/${enc(id)}`),
      /** Parses a query: tokens for highlighting, lint warnings, or the syntax error with its column. */
      validate: async (query: string): Promise<QueryValidation> => {
        const answer = await post<Partial<QueryValidation>>('/queries/validate', { query });
        return { ...answer, valid: answer.valid === true, tokens: answer.tokens ?? [], warnings: answer.warnings ?? [] };
      },
      /** Runs a query over stored history without saving it: count and a highlighted sample. */
      preview: (query: string, opts: { days?: number; limit?: number } = {}) =>
        post<QueryPreview>('/queries/preview', { query, ...opts }),
    },
    /** Webhook intakes: URLs other tools push signed mentions to (docs/api.md). */
    intakes: {
      list: () => get<{ items: Intake[] }>('/intakes').then((r) => r.items),
      /**
       * Creates an intake; its URL and secret are in this answer only.
       *
       * @example
       * const { url, secret } = await client.intakes.create('Zapier');
       */
      create: (name?: string) => post<NewIntake>('/intakes', name ? { name } : {}),
      delete: (id: string) => del(`/intakes/${enc(id)}`),
    },
    sources: {
      list: () => get<{ items: Source[] }>('/sources').then((r) => r.items),
      create: (input: SourceInput) => post<Source>('/sources', input),
      get: (id: string) => get<Source>(`/sources/${enc(id)}`),
      update: (id: string, input: SourcePatch) => patch<Source>(`/sources/${enc(id)}`, input),
      delete: (id: string) => del(`/sources/${enc(id)}`),
      /** Polls the source now; a connector failure comes back in `error`, not as a throw. */
      fetch: (id: string) => post<FetchResult>(`/sources/${enc(id)}/fetch`),
      /**
       * Runs one poll of settings not saved yet and returns the first five items; stores nothing.
       *
       * @example
       * const { ok, sample, error } = await client.sources.test({ connector: 'rss', config: { url: 'https://exemple.fr/feed.xml' } });
       */
      test: (input: Pick<SourceInput, 'connector' | 'url' | 'config' | 'accountId'>) => post<SourceTestResult>('/sources/test', input),
      importOpml: (opml: string) =>
        request<OpmlImportResult>('POST', '/sources/opml', { raw: { body: opml, contentType: 'text/xml' } }),
    },
    mentions: {
      list: (filter: MentionListFilter = {}) => get<MentionPage>('/mentions', { ...filter }),
      get: (id: string) => get<Mention>(`/mentions/${enc(id)}`),
      /** Live mentions as they are stored; returns the function that stops listening. */
      stream: (onMention: (mention: MentionView) => void, opts: StreamOptions = {}) =>
        openMentionStream(
          { url: url('/mentions/stream', { topic: opts.topic, workspace }), token: options.token, fetch: doFetch },
          onMention,
          opts,
        ),
    },
    stats: {
      overview: (opts: { days?: number; topic?: string } = {}) => get<StatsOverview>('/stats/overview', { ...opts }),
      themes: (opts: { days?: number; topic?: string } = {}) => get<ThemesReport>('/stats/themes', { ...opts }),
    },
    demo: {
      get: () => get<DemoStatus>('/demo'),
      remove: () => del('/demo'),
    },
    /** The inbox (docs/inbox.md): conversations, replies through the guard, saved replies, focus. */
    /** Alert rules: validated by the server (impossible settings → `validation_failed` with the field). */
    alertRules: {
      list: () => get<{ items: AlertRuleView[] }>('/alert-rules').then((r) => r.items),
      create: (input: AlertRuleInput) => post<AlertRuleView>('/alert-rules', input),
      update: (id: string, input: AlertRulePatch) => patch<AlertRuleView>(`/alert-rules/${enc(id)}`, input),
      delete: (id: string) => del(`/alert-rules/${enc(id)}`),
    },
    episodes: {
      list: (filter: { status?: 'open' | 'calming' | 'closed'; limit?: number } = {}) => get<{ items: EpisodeSummaryView[] }>('/episodes', filter).then((r) => r.items),
      get: (id: string) => get<EpisodeDetailView>(`/episodes/${enc(id)}`),
    },
    notifications: {
      list: () => get<NotificationsView>('/notifications'),
      markRead: (id: string) => request<void>('POST', `/notifications/${enc(id)}/read`),
    },
    alerts: {
      /** Time series from rollups: `granularity` 5m, hour or day. */
      series: (params: { topic?: string; query?: string; granularity?: '5m' | 'hour' | 'day'; days?: number }) => get<SeriesView>('/stats/series', params),
      backtest: (range: { from: string; to: string }) => post<{ items: BacktestEpisodeView[] }>('/alerts/backtest', range).then((r) => r.items),
    },
    inbox: {
      list: (filter: ConversationListFilter = {}) => get<ConversationPage>('/conversations', { ...filter }),
      get: (id: string) => get<ConversationDetail>(`/conversations/${enc(id)}`),
      update: (id: string, input: ConversationPatchInput) => patch<ConversationView>(`/conversations/${enc(id)}`, input),
      bulk: (ids: string[], input: Omit<ConversationPatchInput, 'actor'>, actor?: string) => post<{ updated: number }>('/conversations/bulk', { ids, patch: input, actor }),
      /** A note under the caller (`author` is ignored by the server; kept for older callers). */
      addNote: (id: string, text: string, author?: string) => post<{ id: string; author: string; authorName: string; text: string; createdAt: string }>(`/conversations/${enc(id)}/notes`, { text, author }),
      /** Guard first: the reply comes back sent, held, failed (with why) or to open on the network. */
      reply: (id: string, input: { text: string; lang?: 'fr' | 'en'; author?: string; idempotencyKey?: string }) => post<ReplyView>(`/conversations/${enc(id)}/replies`, input),
      approve: (replyId: string, actor?: string) => post<ReplyView>(`/replies/${enc(replyId)}/approve`, { actor }),
      confirm: (replyId: string, actor?: string) => post<ReplyView>(`/replies/${enc(replyId)}/confirm`, { actor }),
      /** Sends a failed reply again with the same idempotency key (never a second post). */
      retry: (replyId: string, actor?: string) => post<ReplyView>(`/replies/${enc(replyId)}/retry`, { actor }),
      ownAccounts: () => get<{ items: OwnAccountView[] }>('/inbox/own-accounts').then((r) => r.items),
      setOwnAccounts: (items: OwnAccountView[]) => request<{ items: OwnAccountView[] }>('PUT', '/inbox/own-accounts', { json: { items } }).then((r) => r.items),
      digestSettings: () => get<InboxDigestSettingsView>('/inbox/digest'),
      setDigestSettings: (input: Partial<InboxDigestSettingsView>) => request<InboxDigestSettingsView>('PUT', '/inbox/digest', { json: input }),
      /** The low-priority digest as it would be sent now (nothing is sent). */
      previewDigest: (locale?: 'fr' | 'en') => post<InboxDigestView>(`/inbox/digest/preview${locale ? `?locale=${locale}` : ''}`, {}),
      guard: (input: { text: string; lang?: 'fr' | 'en'; network?: string; replyTo?: string }) => post<GuardVerdictView>('/guard', input),
      /** The caller's next conversation and budget (`member`: another member's user id, managers only). */
      next: (member?: string) => get<{ item: ConversationView | null; budget?: TimeBudgetView }>('/focus/next', { member }),
      /** The caller's budget of the day; `member` (a user id) for a manager looking at someone else. */
      budget: (member?: string) => get<TimeBudgetView>('/inbox/budget', { member }),
      setBudget: (member: string | undefined, minutes: number) => request<TimeBudgetView>('PUT', '/inbox/budget', { json: { member, minutes } }),
      /** Records minutes the caller spent on the inbox today (the web sends one per minute of use). */
      addTime: (member: string | undefined, minutes: number) => post<TimeBudgetView>('/inbox/budget/time', { member, minutes }),
      stats: (days?: number) => get<InboxStats>('/inbox/stats', { days }),
    },
    savedReplies: {
      list: () => get<{ items: SavedReplyView[] }>('/saved-replies').then((r) => r.items),
      create: (input: Omit<SavedReplyView, 'id' | 'createdAt'>) => post<SavedReplyView>('/saved-replies', input),
      update: (id: string, input: Partial<Omit<SavedReplyView, 'id' | 'createdAt'>>) => patch<SavedReplyView>(`/saved-replies/${enc(id)}`, input),
      delete: (id: string) => del(`/saved-replies/${enc(id)}`),
    },
  };
}

/** The client's type, for functions that receive one. */
export type VigieClient = ReturnType<typeof createClient>;
