/**
 * Replying as a YouTube channel, with an OAuth 2.0 token (scope `youtube.force-ssl`):
 * - to a comment: `comments.insert` (`POST /comments?part=snippet`, `snippet.parentId` = the
 *   top-level comment; YouTube threads have one level, so a reply to a reply goes under its
 *   top-level comment) — https://developers.google.com/youtube/v3/docs/comments/insert;
 * - to a video (a search mention): a new top-level comment, `commentThreads.insert`
 *   (`POST /commentThreads?part=snippet`) — https://developers.google.com/youtube/v3/docs/commentThreads/insert.
 * Each costs 50 quota units. No publish: YouTube posts are videos. No idempotency key: the
 * server's draft status prevents a double post.
 */
import { z } from 'zod';
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromYoutubeAnswer } from './api';
import type { YoutubeAccountConfig } from './config';

const VIDEO_ID = /^[\w-]{11}$/;
/** A top-level comment id, optionally `.`-followed by a reply's own part (`Ugx….A1reply…`). */
const COMMENT_ID = /^([\w-]{12,100})(?:\.[\w-]{1,100})?$/;
/** YouTube comments hold 10,000 characters (https://developers.google.com/youtube/v3/docs/comments#snippet.textOriginal). */
const MAX_LENGTH = 10_000;

const insertedComment = z.object({ id: z.string().min(1), snippet: z.object({ videoId: z.string().optional(), parentId: z.string().optional() }).optional() });
const insertedThread = z.object({ id: z.string().min(1), snippet: z.object({ videoId: z.string(), topLevelComment: z.object({ id: z.string().min(1) }) }) });

async function insert(ctx: ConnectorContext, url: string, token: string, body: unknown): Promise<unknown> {
  const res = await ctx.http.post(url, JSON.stringify(body), {
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    signal: ctx.signal,
    throwHttpErrors: false,
  });
  const error = errorFromYoutubeAnswer(res, url, ctx.now());
  if (error !== undefined) throw error;
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch (e) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(e as Error).message})`, { status: res.status, cause: e });
  }
}

const watchUrl = (videoId: string, commentId: string): string => `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(commentId)}`;

/**
 * The reply capability: the mention's external id is a comment id (reply under it) or a video id
 * (comment on the video).
 *
 * @example
 * const ref = await replyOnYoutube(ctx, YOUTUBE_API_BASE, { account: { accessToken }, inReplyToExternalId: 'UgxA1vigieTopLevel01AaABAg', text: 'Merci !' });
 */
export async function replyOnYoutube(ctx: ConnectorContext, base: string, request: { account: YoutubeAccountConfig; inReplyToExternalId: string; text: string }): Promise<PublishedRef> {
  const token = request.account.accessToken;
  if (token === undefined) throw new ConnectorError('auth_expired', 'replying on YouTube needs an OAuth access token (youtube.force-ssl), an API key cannot post / répondre sur YouTube demande un jeton OAuth (youtube.force-ssl), une clé d’API ne peut pas publier');
  if (request.text.trim() === '') throw new ConnectorError('invalid_request', 'the reply is empty / la réponse est vide');
  if (request.text.length > MAX_LENGTH) throw new ConnectorError('invalid_request', `YouTube comments hold ${MAX_LENGTH} characters at most / les commentaires YouTube comptent ${MAX_LENGTH} caractères au plus`);
  const target = request.inReplyToExternalId;
  if (VIDEO_ID.test(target)) {
    const url = `${base}/commentThreads?part=snippet`;
    const json = await insert(ctx, url, token, { snippet: { videoId: target, topLevelComment: { snippet: { textOriginal: request.text } } } });
    const thread = insertedThread.safeParse(json);
    if (!thread.success) throw new ConnectorError('invalid_payload', `${url} did not return the created comment thread`);
    const id = thread.data.snippet.topLevelComment.id;
    return { externalId: id, url: watchUrl(thread.data.snippet.videoId, id) };
  }
  const parentId = COMMENT_ID.exec(target)?.[1];
  if (parentId === undefined) throw new ConnectorError('invalid_request', `${target} is neither a YouTube comment nor a video id / n’est ni un commentaire ni une vidéo YouTube`);
  const url = `${base}/comments?part=snippet`;
  const json = await insert(ctx, url, token, { snippet: { parentId, textOriginal: request.text } });
  const comment = insertedComment.safeParse(json);
  if (!comment.success) throw new ConnectorError('invalid_payload', `${url} did not return the created comment`);
  const videoId = comment.data.snippet?.videoId;
  return { externalId: comment.data.id, ...(videoId !== undefined ? { url: watchUrl(videoId, comment.data.id) } : {}) };
}
