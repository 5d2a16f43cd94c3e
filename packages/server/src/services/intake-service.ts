import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError, type MentionInput } from '@vigie/core';
import type { Vigie } from '../create-vigie';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../notify/sign-webhook';

/** Settings key holding a workspace's intakes (the settings repository is per workspace). */
const INTAKES_KEY = 'intakes';
/** Most mentions one push may carry. */
export const MAX_INTAKE_ITEMS = 1000;

/** An intake as stored: the secret sealed with the source-secrets key, the token only hashed. */
interface StoredIntake {
  id: string;
  name: string;
  /** SHA-256 of the URL token: a copied database does not hand out working intake URLs. */
  tokenHash: string;
  sealedSecret: string;
  createdAt: string;
  lastReceivedAt?: string;
}

/** What the settings list shows of an intake: never its token nor its secret. */
export interface IntakeView {
  id: string;
  name: string;
  createdAt: string;
  lastReceivedAt?: string;
}

/** One pushed mention, as documented in docs/api.md. */
const IntakeItem = z.strictObject({
  externalId: z.string().trim().min(1).max(300).optional(),
  text: z.string().trim().min(1, 'text is empty').max(50_000),
  title: z.string().trim().max(1000).optional(),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) address' }).max(2048).optional(),
  author: z.union([z.string().trim().min(1).max(300), z.strictObject({ handle: z.string().trim().min(1).max(300), name: z.string().max(300).optional(), url: z.string().max(2048).optional() })]).optional(),
  publishedAt: z.iso.datetime({ offset: true, error: 'expected an ISO-8601 date, e.g. 2026-11-20T10:00:00Z' }).optional(),
  lang: z.string().trim().min(2).max(16).optional(),
  connector: z.literal('webhook').optional(),
});

/** The result of a push: how many were stored, and each refused item with its index and reason. */
export interface IntakeReport {
  received: number;
  inserted: number;
  updated: number;
  rejected: { index: number; externalId?: string; reason: string }[];
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

function toMention(item: z.infer<typeof IntakeItem>, now: Date): MentionInput {
  const publishedAt = item.publishedAt ? new Date(item.publishedAt).toISOString() : now.toISOString();
  const author = typeof item.author === 'string' ? { handle: item.author } : (item.author ?? { handle: 'webhook' });
  return {
    connector: 'webhook',
    // Without an id, the same text at the same address is the same mention: re-pushing it is harmless.
    externalId: item.externalId ?? sha256(`${item.url ?? ''}\n${item.title ?? ''}\n${item.text}`).slice(0, 32),
    url: item.url,
    author,
    title: item.title,
    text: item.text,
    lang: item.lang,
    publishedAt,
    engagement: {},
    kind: 'post',
    raw: item,
  };
}

/**
 * Webhook intakes: any tool pushes mentions to `POST /api/intake/:token`, signed with the
 * intake's secret like Vigie's own outgoing webhooks (`X-Vigie-Signature`, 5-minute window).
 */
export function createIntakeService(deps: Pick<Vigie, 'store' | 'secrets' | 'ingest' | 'now'>) {
  const list = async (workspaceId: string): Promise<StoredIntake[]> => (await deps.store.settings.get<StoredIntake[]>(workspaceId, INTAKES_KEY)) ?? [];

  /** The workspace and intake a token opens; compared in constant time, across workspaces. */
  async function find(token: string): Promise<{ workspaceId: string; intake: StoredIntake } | undefined> {
    const wanted = Buffer.from(sha256(token));
    for (const workspace of await deps.store.workspaces.list()) {
      const intake = (await list(workspace.id)).find((i) => timingSafeEqual(Buffer.from(i.tokenHash), wanted));
      if (intake) return { workspaceId: workspace.id, intake };
    }
    return undefined;
  }

  return {
    list: async (workspaceId: string): Promise<IntakeView[]> => (await list(workspaceId)).map(({ id, name, createdAt, lastReceivedAt }) => ({ id, name, createdAt, ...(lastReceivedAt ? { lastReceivedAt } : {}) })),

    /**
     * Creates an intake; the token (in the URL path) and the secret are returned this once only.
     *
     * @example
     * const { id, path, secret } = await intakes.create(workspaceId, 'Zapier'); // path: '/api/intake/3q2…'
     */
    async create(workspaceId: string, name: string): Promise<IntakeView & { path: string; secret: string }> {
      const token = randomBytes(24).toString('base64url');
      const secret = randomBytes(32).toString('base64url');
      const intake: StoredIntake = { id: randomBytes(8).toString('hex'), name, tokenHash: sha256(token), sealedSecret: deps.secrets.seal(secret), createdAt: deps.now().toISOString() };
      await deps.store.settings.set(workspaceId, INTAKES_KEY, [...(await list(workspaceId)), intake]);
      return { id: intake.id, name, createdAt: intake.createdAt, path: `/api/intake/${token}`, secret };
    },

    async delete(workspaceId: string, id: string): Promise<void> {
      const intakes = await list(workspaceId);
      if (!intakes.some((i) => i.id === id)) throw new AppError('not_found', `intake ${id} does not exist`);
      await deps.store.settings.set(workspaceId, INTAKES_KEY, intakes.filter((i) => i.id !== id));
    },

    /**
     * Checks the signature over the raw body, then stores the good items and reports the bad
     * ones by index. An unknown token and a bad signature answer the same, so neither can be probed.
     */
    async receive(token: string, rawBody: string, headers: Record<string, string | undefined>): Promise<IntakeReport> {
      const found = await find(token);
      const nowS = deps.now().getTime() / 1000;
      if (!found || !verifyWebhookSignature(deps.secrets.open(found.intake.sealedSecret), rawBody, headers, nowS)) {
        throw new AppError('unauthenticated', `unknown intake or bad signature: sign "<${TIMESTAMP_HEADER}>.<body>" with the intake secret (HMAC-SHA256) in ${SIGNATURE_HEADER}: sha256=<hex>; requests older than 5 minutes are refused`);
      }
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch (error) {
        throw new AppError('validation_failed', `the body is not JSON: ${(error as Error).message}`);
      }
      const items: unknown[] = Array.isArray(body) ? body : [body];
      if (items.length > MAX_INTAKE_ITEMS) throw new AppError('payload_too_large', `at most ${MAX_INTAKE_ITEMS} mentions per request`);
      const rejected: IntakeReport['rejected'] = [];
      const good: { index: number; mention: MentionInput }[] = [];
      items.forEach((item, index) => {
        const parsed = IntakeItem.safeParse(item);
        if (parsed.success) good.push({ index, mention: toMention(parsed.data, deps.now()) });
        else {
          const externalId = typeof (item as { externalId?: unknown })?.externalId === 'string' ? (item as { externalId: string }).externalId : undefined;
          rejected.push({ index, ...(externalId ? { externalId } : {}), reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join('; ') });
        }
      });
      const report = good.length > 0 ? await deps.ingest(found.workspaceId, good.map((g) => g.mention)) : { inserted: 0, updated: 0, skipped: [] };
      for (const s of report.skipped) rejected.push({ index: good[s.index]?.index ?? s.index, ...(s.externalId ? { externalId: s.externalId } : {}), reason: s.reason });
      const intakes = await list(found.workspaceId);
      await deps.store.settings.set(found.workspaceId, INTAKES_KEY, intakes.map((i) => (i.id === found.intake.id ? { ...i, lastReceivedAt: deps.now().toISOString() } : i)));
      return { received: items.length, inserted: report.inserted, updated: report.updated, rejected: rejected.sort((a, b) => a.index - b.index) };
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
