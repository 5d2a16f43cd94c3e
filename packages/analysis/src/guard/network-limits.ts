/**
 * Text limits of the networks a draft can go to, and how each one counts. X counts a weighted
 * length (twitter-text v3 configuration: code points in Latin, general punctuation and a few other
 * ranges weigh 1, everything else — CJK, emoji — weighs 2, an emoji sequence counts once, every URL
 * counts 23); Bluesky counts graphemes; Mastodon counts characters with every URL at 23; the others
 * count characters. Sources are listed in docs/reply-guard.md.
 */

export type Network = 'x' | 'bluesky' | 'mastodon' | 'linkedin' | 'facebook' | 'instagram';

export const NETWORKS: readonly Network[] = ['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'instagram'];

export interface NetworkLimit {
  /** Most characters (in the network's own count) a post may hold. */
  maxChars: number;
  /** Most characters for a comment or reply, when it differs from a post. */
  maxReplyChars?: number;
  /** Most hashtags the network accepts. */
  maxHashtags?: number;
  /** How the network counts. */
  counting: 'weighted' | 'graphemes' | 'chars-url-23' | 'chars';
}

/**
 * @example
 * NETWORK_LIMITS.x.maxChars // → 280
 */
export const NETWORK_LIMITS: Readonly<Record<Network, NetworkLimit>> = {
  x: { maxChars: 280, counting: 'weighted' },
  bluesky: { maxChars: 300, counting: 'graphemes' },
  mastodon: { maxChars: 500, counting: 'chars-url-23' },
  linkedin: { maxChars: 3000, maxReplyChars: 1250, counting: 'chars' },
  // Posts accept 63,206 characters; comments about 8,000 (third-party counters agree, Meta does not publish it).
  facebook: { maxChars: 63206, maxReplyChars: 8000, counting: 'chars' },
  instagram: { maxChars: 2200, maxHashtags: 30, counting: 'chars' },
};

/** What a URL costs on X and Mastodon: the length of the shortened link that replaces it. */
export const URL_LENGTH = 23;

/** twitter-text v3 ranges weighing one character (scale 100, default weight 200). */
const X_LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

const URL = /(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]]/g;
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}(?:\uFE0F|\p{EMod}|\u200D\p{Extended_Pictographic}\uFE0F?)*|\p{RI}\p{RI}/gu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface MeasuredLength {
  /** Length in the network's count (weighted for X). */
  chars: number;
  /** The limit that applies, or null without a network. */
  limit: number | null;
  /** True when `chars` is X's weighted count. */
  weighted?: boolean;
  hashtags: number;
}

/**
 * Measures a text as `network` counts it; without a network, counts graphemes against no limit.
 * `isReply` picks the reply limit where a network has one (LinkedIn comments).
 *
 * @example
 * measureLength('Bonjour https://exemple.fr/une/très/longue/adresse', 'x') // → { chars: 31, limit: 280, weighted: true, hashtags: 0 }
 */
export function measureLength(text: string, network?: Network, isReply = false): MeasuredLength {
  const safe = typeof text === 'string' ? text : '';
  const hashtags = (safe.match(/(?:^|\s)#[\p{L}\p{N}_]+/gu) ?? []).length;
  if (!network) return { chars: countGraphemes(safe), limit: null, hashtags };
  const spec = NETWORK_LIMITS[network];
  const limit = isReply && spec.maxReplyChars ? spec.maxReplyChars : spec.maxChars;
  switch (spec.counting) {
    case 'weighted':
      return { chars: weightedLength(safe), limit, weighted: true, hashtags };
    case 'graphemes':
      return { chars: countGraphemes(safe), limit, hashtags };
    case 'chars-url-23':
      return { chars: [...safe.replace(URL, 'u'.repeat(URL_LENGTH))].length, limit, hashtags };
    default:
      return { chars: [...safe].length, limit, hashtags };
  }
}

/**
 * X's weighted length (twitter-text v3): URLs 23, emoji sequences 2, other code points 1 or 2 by range.
 *
 * @example
 * weightedLength('日本') // → 4
 * weightedLength('👍🏽 ok') // → 5
 */
export function weightedLength(text: string): number {
  let total = 0;
  const withoutUrls = text.replace(URL, () => {
    total += URL_LENGTH;
    return ' ';
  });
  total -= (text.match(URL) ?? []).length;
  const withoutEmoji = withoutUrls.normalize('NFC').replace(EMOJI_SEQUENCE, () => {
    total += 2;
    return '';
  });
  for (const char of withoutEmoji) {
    const code = char.codePointAt(0) ?? 0;
    total += X_LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
  }
  return total;
}

function countGraphemes(text: string): number {
  // Segmenting a megabyte is slow and pointless: past 100 000 code units the count is only reported.
  if (text.length > 100_000) return [...text].length;
  let count = 0;
  for (const segment of graphemes.segment(text)) if (segment.segment.length > 0) count++;
  return count;
}
