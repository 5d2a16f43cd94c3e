/**
 * createApp(deps): the HTTP interface. Routes per resource under /api, one error mapper, security
 * headers with a strict Content-Security-Policy, the OpenAPI document, and the web interface.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ZodError } from 'zod';
import { AppError } from '@vigie/core';
import type { AppDeps, AppEnv } from './http/app-env';
import { createErrorHandler, zodDetails } from './http/error-handler';
import { serveWeb } from './http/serve-web';
import { healthRoutes } from './routes/health.routes';
import { topicRoutes } from './routes/topics.routes';
import { queryRoutes } from './routes/queries.routes';
import { sourceRoutes } from './routes/sources.routes';
import { mentionRoutes } from './routes/mentions.routes';
import { statsRoutes } from './routes/stats.routes';
import { connectorRoutes } from './routes/connectors.routes';
import { demoRoutes } from './routes/demo.routes';
import { alertRoutes } from './routes/alerts.routes';
import { conversationRoutes } from './routes/conversations.routes';
import { conversationReplyRoutes } from './routes/conversation-replies.routes';
import { savedReplyRoutes } from './routes/saved-replies.routes';
import { inboxRoutes } from './routes/inbox.routes';
import { intakeRoutes } from './routes/intake.routes';
import { accountRoutes } from './routes/accounts.routes';
import { oauthRoutes } from './routes/oauth.routes';
import { dataRoutes } from './routes/data.routes';
import { authenticate } from './security/authenticate';
import { authRoutes } from './routes/auth.routes';
import { oidcRoutes } from './routes/oidc.routes';
import { sessionRoutes } from './routes/session.routes';
import { workspaceRoutes } from './routes/workspaces.routes';
import { memberRoutes } from './routes/members.routes';
import { tokenRoutes } from './routes/tokens.routes';
import { auditRoutes } from './routes/audit.routes';

/** Largest JSON body any route accepts. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Invalid input on any route becomes one `validation_failed` error listing every field. */
function validationHook(result: { success: true } | { success: false; error: ZodError }): void {
  if (!result.success) throw new AppError('validation_failed', 'Invalid input', zodDetails(result.error));
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(createErrorHandler(deps.log));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new AppError('payload_too_large', `the request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`); } }));
  // Who is calling, in which workspace, allowed or not (security/route-permissions.ts is the table).
  app.use('/api/*', authenticate({ identity: deps.identity, config: deps.config }));

  const topics = topicRoutes(deps);
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.route('/', healthRoutes(deps));
  api.route('/', topics.app);
  api.route('/', queryRoutes(deps, topics.topics));
  api.route('/', sourceRoutes(deps));
  api.route('/', mentionRoutes(deps));
  api.route('/', statsRoutes(deps));
  api.route('/', connectorRoutes());
  api.route('/', demoRoutes(deps));
  api.route('/', alertRoutes(deps));
  api.route('/', conversationRoutes(deps));
  api.route('/', conversationReplyRoutes(deps));
  api.route('/', savedReplyRoutes(deps));
  api.route('/', inboxRoutes(deps));
  api.route('/', intakeRoutes(deps));
  api.route('/', accountRoutes(deps));
  api.route('/', oauthRoutes(deps));
  api.route('/', dataRoutes(deps));
  api.route('/', authRoutes(deps));
  api.route('/', oidcRoutes(deps));
  api.route('/', sessionRoutes(deps));
  api.route('/', workspaceRoutes(deps));
  api.route('/', memberRoutes(deps));
  api.route('/', tokenRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', { type: 'http', scheme: 'bearer', description: 'API token `vgt_…` (docs/security.md)' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'vigie_session', description: 'Session cookie; unsafe methods also send X-CSRF-Token' });
  api.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'Vigie API', version: '0.1.0', description: 'Social listening and community management — docs/api.md' }, security: [{ apiToken: [] }, { session: [] }] });
  app.route('/api', api);
  app.all('/api/*', () => {
    throw new AppError('not_found', 'no such API route');
  });
  serveWeb(app, deps.config.webDir);
  return app;
}

export type App = ReturnType<typeof createApp>;
