/**
 * The brand's community manager at work: some customer questions get an answer from the official
 * account, after a delay; the rest stay unanswered, which is what the "unanswered questions"
 * view and response-time targets are about.
 */
import { DEMO_BRAND } from './demo-workspace';
import { demoOfficial } from './demo-authors';
import type { DraftMention, MentionFactory } from './mention-factory';
import type { SeededRandom } from './seeded-random';

const QUESTION_CATEGORIES = new Set(['question', 'question_noq', 'crisis_question', 'buzz_question']);
const MINUTE_MS = 60_000;

export interface ReplyPolicy {
  /** Chance that a question about the brand gets an official answer. */
  probability: number;
  /** Mean delay of an answer, in minutes (exponential, plus ten minutes of reading). */
  meanDelayMin: number;
  /** No answer before this instant (during a crisis the brand takes time to react). */
  notBefore?: number;
}

function isAboutBrand(draft: DraftMention): boolean {
  return draft.focus === DEMO_BRAND.brand.name || DEMO_BRAND.brand.products.some((p) => p.name === draft.focus) || draft.focus === DEMO_BRAND.campaign.name;
}

/**
 * Official answers to some brand questions among `drafts`, each a reply on the question's own
 * network, published before `end`.
 *
 * @example
 * drafts.push(...officialReplies(rng, factory, drafts, end, { probability: 0.5, meanDelayMin: 120 }));
 */
export function officialReplies(rng: SeededRandom, factory: MentionFactory, drafts: readonly DraftMention[], end: number, policy: ReplyPolicy): DraftMention[] {
  const replies: DraftMention[] = [];
  for (const question of drafts) {
    if (!QUESTION_CATEGORIES.has(question.category) || !isAboutBrand(question)) continue;
    if (question.connector === 'rss' || !rng.chance(policy.probability)) continue;
    const at = Math.max(question.at + 10 * MINUTE_MS + rng.exponential(policy.meanDelayMin * MINUTE_MS), policy.notBefore ?? 0);
    if (at >= end) continue;
    const name = question.author.author.name?.split(' ')[0] ?? question.author.author.handle;
    const reply = factory.build({
      at: Math.floor(at),
      category: 'official_reply',
      lang: question.lang,
      focus: DEMO_BRAND.brand.name,
      connector: question.connector,
      author: demoOfficial(DEMO_BRAND.brand.handle, DEMO_BRAND.brand.name, question.connector),
      extraSlots: { name },
      episode: question.episode,
    });
    reply.parent = question;
    reply.wantsParent = false;
    reply.kind = question.connector === 'reddit' || question.connector === 'youtube' || question.connector === 'hackernews' ? 'comment' : 'reply';
    reply.title = undefined;
    replies.push(reply);
  }
  return replies;
}
