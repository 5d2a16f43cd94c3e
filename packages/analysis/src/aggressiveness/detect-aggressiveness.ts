/**
 * Aggressiveness and toxicity for French and English posts: a label, a score and the reasons.
 * More than a word list: insults weigh more when aimed at someone ("t'es un…", "you're a…",
 * "X est un…"), less when negated ("je ne dis pas que vous êtes…") or reported ("il m'a traité
 * de…"); threats need a modal and a harm verb aimed at a person; shouting, self-harm incitement,
 * dehumanising language and obfuscated spellings ("c0nn4rd", "i d i o t") are detected too.
 */
import { clampText, foldText, resolveLang, tokenize, words, type Token } from '../text';
import { deobfuscate } from './deobfuscate';
import { resourcesFor, type LanguageResources } from './language-resources';
import { collapseRepeats, maxEntryWords, phraseStartsOf, type LexiconEntry } from './lexicon';
import type { PatternSet } from './pattern-set';

export type AggressivenessLabel = 'none' | 'mild' | 'aggressive' | 'toxic';
export type ReasonCode =
  | 'insult' | 'threat' | 'harassment' | 'shouting' | 'profanity' | 'dehumanising' | 'slur' | 'self-harm' | 'hostility' | 'obfuscation';

export interface AggressivenessReason {
  code: ReasonCode;
  /** The words or pattern found, as written after de-obfuscation. */
  match: string;
  /** Bilingual explanation for the user (English / French). */
  message: string;
  /** Contribution 0..1 after targeting, negation and quotation. */
  weight: number;
}

export interface AggressivenessDetection {
  label: AggressivenessLabel;
  score: number;
  reasons: AggressivenessReason[];
}

const THRESHOLDS = { mild: 0.2, aggressive: 0.5, toxic: 0.85 } as const;
const TOXIC_CODES: ReadonlySet<ReasonCode> = new Set(['threat', 'self-harm', 'slur', 'dehumanising']);
const PATTERN_WEIGHTS = { threat: 0.9, selfHarm: 0.9, harassment: 0.55, hostility: 0.2 } as const;
const TARGET_FACTOR = { direct: 1.5, third: 1.3, group: 1.2, none: 0.85 } as const;
/** Negated or reported words keep this share of their weight. */
const DAMPING = 0.3;

const MESSAGES: Record<ReasonCode, string> = {
  insult: 'Insult / Insulte',
  threat: 'Threat of violence / Menace de violence',
  harassment: 'Harassment aimed at someone / Harcèlement envers quelqu’un',
  shouting: 'Shouting (capitals, exclamation marks) / Cris (majuscules, points d’exclamation)',
  profanity: 'Profanity / Grossièreté',
  dehumanising: 'Dehumanising language about people / Propos déshumanisants',
  slur: 'Identity slur / Injure discriminatoire',
  'self-harm': 'Incitement to self-harm / Incitation à se faire du mal',
  hostility: 'Exasperation / Exaspération',
  obfuscation: 'Disguised offensive word / Mot offensant déguisé',
};

type Target = keyof typeof TARGET_FACTOR;

/** Complaint words that make capitals read as anger rather than joy. */
const COMPLAINT = /\b(?:encore|toujours pas|pas possible|panne|bug|retard|rembourse|again|another|still no|kidding|outage|broken|late|never|refund)\b/;

/**
 * Scores a text. Never throws; empty, emoji-only or non-text input is `none`.
 *
 * @example
 * detectAggressiveness("T'es vraiment un abruti", 'fr')
 * // → { label: 'aggressive', score: 0.68, reasons: [{ code: 'insult', match: 'abruti', … }] }
 */
export function detectAggressiveness(text: string, lang?: string): AggressivenessDetection {
  const raw = clampText(text);
  if (raw.length === 0) return { label: 'none', score: 0, reasons: [] };
  const language = resolveLang(lang, () => words(raw.slice(0, 500)));
  const resources = resourcesFor(language);
  const { text: plain, rewritten } = deobfuscate(raw, resources.lexicons);
  const reasons: AggressivenessReason[] = [];
  const add = (code: ReasonCode, match: string, weight: number): void => {
    if (weight <= 0 || reasons.some((r) => r.code === code && r.match === match)) return;
    reasons.push({ code, match, message: MESSAGES[code], weight: Math.min(0.98, round(weight)) });
  };

  if (rewritten.length > 0) add('obfuscation', rewritten.join(' '), 0.1);
  const tokens = tokenize(plain);
  scoreLexicon(tokens, plain, resources, add);
  // Stretched letters ("gueuuule") and a flat space keep the phrase patterns simple.
  const folded = foldText(plain).replace(/(\p{L})\1{2,}/gu, '$1').replace(/[’]/g, "'").replace(/\s+/g, ' ');
  for (const set of resources.patterns) {
    const combined = combinedPatterns(set);
    for (const [kind, code] of [['threat', 'threat'], ['selfHarm', 'self-harm'], ['harassment', 'harassment'], ['hostility', 'hostility']] as const) {
      const pattern = combined[kind];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(folded); found !== null; found = pattern.exec(folded)) {
        if (found[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const damped = isQuoted(folded, found.index) || isReported(folded.slice(Math.max(0, found.index - 40), found.index), resources);
        add(code, found[0].trim(), PATTERN_WEIGHTS[kind] * (damped ? DAMPING : 1));
      }
    }
  }
  if (/🖕/u.test(raw)) add('harassment', '🖕', 0.45);
  if (/🤬/u.test(raw)) add('hostility', '🤬', 0.2);
  // Capitals alone are often joy ("TROP CONTENT !!!"); they amplify hostility found elsewhere.
  const angry = reasons.some((r) => r.weight >= 0.15 && r.code !== 'obfuscation') || COMPLAINT.test(folded);
  scoreShouting(raw, angry ? 1 : 0.5, add);

  const score = round(1 - reasons.reduce((keep, r) => keep * (1 - r.weight), 1));
  // Toxic needs a toxic kind of reason: many insults make a post aggressive, not a threat.
  const toxic = reasons.some((r) => TOXIC_CODES.has(r.code) && r.weight >= THRESHOLDS.toxic * 0.8);
  // Aggressive needs someone attacked: several mild reasons (swearing, exasperation) stay mild.
  const attacks = reasons.some((r) => (r.code === 'insult' || r.code === 'harassment' || TOXIC_CODES.has(r.code)) && r.weight >= 0.4);
  const label: AggressivenessLabel =
    toxic ? 'toxic' : score >= THRESHOLDS.aggressive && attacks ? 'aggressive' : score >= THRESHOLDS.mild ? 'mild' : 'none';
  reasons.sort((a, b) => b.weight - a.weight);
  return { label, score, reasons };
}

type AddReason = (code: ReasonCode, match: string, weight: number) => void;

function scoreLexicon(tokens: readonly Token[], text: string, resources: LanguageResources, add: AddReason): void {
  const keys = tokens.map((t) => (t.kind === 'word' || t.kind === 'elision' ? collapseRepeats(t.norm) : ''));
  const longest = Math.max(...resources.lexicons.map(maxEntryWords));
  const starts = resources.lexicons.map(phraseStartsOf);
  for (let i = 0; i < tokens.length; i++) {
    const first = keys[i] ?? '';
    if (first === '') continue;
    let entry: LexiconEntry | undefined;
    let span = 1;
    const maxSpan = starts.some((s) => s.has(first)) ? Math.min(longest, tokens.length - i) : 1;
    for (let n = maxSpan; n >= 1 && !entry; n--) {
      const parts = keys.slice(i, i + n);
      if (parts.some((p) => p === '')) continue;
      const key = parts.join(' ');
      for (const lexicon of resources.lexicons) entry ??= lexicon.get(key);
      span = n;
    }
    if (!entry) continue;
    const token = tokens[i] as Token;
    const end = tokens[i + span - 1]?.end ?? token.end;
    const match = text.slice(token.start, end);
    const target = targetOf(tokens, keys, i, span, resources);
    const damped = isNegated(tokens, keys, i, resources) || isQuoted(text, token.start) || isReported(text.slice(Math.max(0, token.start - 40), token.start).toLowerCase(), resources);
    add(codeOf(entry), match, weigh(entry, target) * (damped ? DAMPING : 1));
    i += span - 1;
  }
}

function codeOf(entry: LexiconEntry): ReasonCode {
  switch (entry.category) {
    case 'insult':
    case 'disparaging':
      return 'insult';
    default:
      return entry.category;
  }
}

function weigh(entry: LexiconEntry, target: Target): number {
  switch (entry.category) {
    case 'insult':
      return entry.weight * TARGET_FACTOR[target];
    case 'disparaging':
      // "c'est nul" is about a thing; "t'es nul" is an insult.
      return target === 'direct' ? entry.weight * 1.8 : entry.weight;
    case 'dehumanising':
      // "les rats du grenier" is not about people; "ces gens sont des rats" is.
      return target === 'none' ? entry.weight * DAMPING : Math.max(0.85, entry.weight * 2);
    default:
      return entry.weight;
  }
}

/** Who the word is aimed at, from the few words before it in the same clause. */
function targetOf(tokens: readonly Token[], keys: string[], index: number, span: number, resources: LanguageResources): Target {
  let third = false;
  let group = false;
  if (isVocative(tokens, index, span)) return 'direct';
  for (let j = index - 1, seen = 0; j >= 0 && seen < 6; j--) {
    const token = tokens[j] as Token;
    if (token.kind === 'punct') {
      if (/[.!?]/.test(token.text)) break;
      continue;
    }
    seen++;
    const key = token.norm;
    if (resources.secondPerson.has(key) || resources.secondPerson.has(keys[j] ?? '')) return 'direct';
    if (resources.thirdPerson.has(key)) third = true;
    if (seen <= 2 && resources.group.has(key)) group = true;
  }
  // "connard de service client": the insult names what follows.
  const next = tokens[index + span];
  if (next && (next.norm === 'de' || next.norm === "d'")) third = true;
  // "quelle bande de guignols": the group address is nearer to the word than "quelle".
  if (group) return 'group';
  return third ? 'third' : 'none';
}

/** "Dégage, minable." / "Connard, rends-moi…" / "…, stupid kid.": the insult is said to the reader. */
function isVocative(tokens: readonly Token[], index: number, span: number): boolean {
  const before = tokens[index - 1];
  const opensClause = !before || (before.kind === 'punct' && /[,.!?:]/.test(before.text));
  if (!opensClause || tokens.length <= span + 1) return false;
  // The insult may be followed by one noun ("stupid kid", "sale gamin") before the clause ends.
  for (const after of [tokens[index + span], tokens[index + span + 1]]) {
    if (!after || (after.kind === 'punct' && /[,.!?]/.test(after.text)) || after.kind === 'emoji') return true;
    if (after !== tokens[index + span]) return false;
    if (after.kind !== 'word') return false;
  }
  return false;
}

function isNegated(tokens: readonly Token[], keys: string[], index: number, resources: LanguageResources): boolean {
  for (let j = index - 1, seen = 0; j >= 0 && seen < 5; j--) {
    const token = tokens[j] as Token;
    if (token.kind === 'punct') {
      if (/[.!?,;]/.test(token.text)) return false;
      continue;
    }
    seen++;
    if (resources.negations.has(token.norm) || /n't$/.test(token.norm)) return true;
  }
  return false;
}

function isQuoted(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 200), index);
  const opened = (before.match(/[«“]/g)?.length ?? 0) - (before.match(/[»”]/g)?.length ?? 0);
  const straight = before.match(/"/g)?.length ?? 0;
  return opened > 0 || straight % 2 === 1;
}

function isReported(before: string, resources: LanguageResources): boolean {
  const folded = foldText(before);
  return resources.reporting.some((pattern) => pattern.test(folded));
}

function scoreShouting(text: string, factor: number, add: AddReason): void {
  // One pass over the characters: letters outside links, mentions and hashtags, and how many are capitals.
  let letters = 0;
  let upper = 0;
  let skipping = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\t') {
      skipping = false;
      continue;
    }
    if (c === '@' || c === '#' || (c === 'h' && text.startsWith('http', i) && (i === 0 || /\s/.test(text[i - 1] ?? '')))) skipping = true;
    if (skipping) continue;
    const lower = c.toLowerCase();
    const isUpper = c !== lower;
    if (isUpper || lower !== c.toUpperCase()) {
      letters++;
      if (isUpper) upper++;
    }
  }
  if (letters >= 10 && upper / letters >= 0.7) add('shouting', text.slice(0, 40).trim(), 0.25 * factor);
  const bangs = /[!?]{3,}/.exec(text);
  if (bangs) add('shouting', bangs[0], 0.1 * factor);
}

type PatternKind = keyof PatternSet;
const combinedCache = new WeakMap<PatternSet, Record<PatternKind, RegExp>>();

/** One global alternation per kind: a single scan of the text instead of one per pattern. */
function combinedPatterns(set: PatternSet): Record<PatternKind, RegExp> {
  let combined = combinedCache.get(set);
  if (!combined) {
    const join = (patterns: RegExp[]): RegExp => new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'g');
    combined = { threat: join(set.threat), selfHarm: join(set.selfHarm), harassment: join(set.harassment), hostility: join(set.hostility) };
    combinedCache.set(set, combined);
  }
  return combined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
