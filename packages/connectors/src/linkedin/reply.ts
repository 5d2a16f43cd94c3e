/** The reply capability of LinkedIn: a comment, or a reply to a comment, as the organisation (see publish.ts). */
import { z } from 'zod';
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import type { LinkedinAccountConfig } from './config';
import { POST_URN, send } from './publish';

/** `urn:li:comment:(<post URN>,<comment id>)` */
const COMMENT_URN = /^urn:li:comment:\((urn:li:(?:share|ugcPost|activity):\d{1,25}),(\d{1,25})\)$/;
/** Comments hold 1,250 characters (LinkedIn's limit in its interface and API). */
const MAX_COMMENT = 1250;

const createdComment = z.object({ commentUrn: z.string().regex(COMMENT_URN).optional(), id: z.string().regex(/^\d{1,25}$/).optional(), object: z.string().optional() });

/** Rest.li 2.0 wants every reserved character of an URN in a path encoded, parentheses included. */
const encodeUrn = (urn: string): string => encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');

const commentUrl = (postUrn: string, commentUrn: string): string => `https://www.linkedin.com/feed/update/${encodeURIComponent(postUrn)}/?commentUrn=${encodeURIComponent(commentUrn)}`;

/**
 * The reply capability: the mention's external id is a comment URN (a reply under it) or a post
 * URN (a comment on the post).
 *
 * @example
 * const ref = await commentAsOrganisation(ctx, LINKEDIN_API_BASE, { account, inReplyToExternalId: 'urn:li:comment:(urn:li:activity:7…,7…)', text: 'Merci !' });
 */
export async function commentAsOrganisation(ctx: ConnectorContext, base: string, request: { account: LinkedinAccountConfig; inReplyToExternalId: string; text: string }): Promise<PublishedRef> {
  const target = request.inReplyToExternalId;
  const inComment = COMMENT_URN.exec(target);
  const postUrn = inComment?.[1] ?? (POST_URN.test(target) ? target : undefined);
  if (postUrn === undefined) throw new ConnectorError('invalid_request', `${target} is neither a LinkedIn post nor a comment URN / n’est ni une URN de post ni de commentaire LinkedIn`);
  if (request.text.trim() === '') throw new ConnectorError('invalid_request', 'the comment is empty / le commentaire est vide');
  if (request.text.length > MAX_COMMENT) throw new ConnectorError('invalid_request', `LinkedIn comments hold ${MAX_COMMENT} characters at most / les commentaires LinkedIn comptent ${MAX_COMMENT} caractères au plus`);
  const url = `${base}/rest/socialActions/${encodeUrn(target)}/comments`;
  const body = { actor: request.account.organizationUrn, object: postUrn, message: { text: request.text }, ...(inComment !== null ? { parentComment: target } : {}) };
  const { res, json } = await send(ctx, url, request.account, body);
  const created = createdComment.safeParse(json);
  const header = res.headers['x-restli-id'];
  const id = created.success ? created.data.id : undefined;
  const urn =
    (created.success ? created.data.commentUrn : undefined) ??
    (header !== undefined && COMMENT_URN.test(header) ? header : undefined) ??
    (id !== undefined ? `urn:li:comment:(${postUrn},${id})` : undefined);
  if (urn === undefined) throw new ConnectorError('invalid_payload', `${url} did not return the created comment`, { status: res.status });
  return { externalId: urn, url: commentUrl(postUrn, urn) };
}
