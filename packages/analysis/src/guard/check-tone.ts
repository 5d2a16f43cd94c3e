/**
 * Tone of a draft reply: aggressiveness (from the aggressiveness analyzer, plus the curt dismissals
 * a brand must never write), sarcasm markers, shouting and blame put on the customer. The phrase
 * lists are folded (lower case, no accents) and matched on word boundaries.
 */
import { detectAggressiveness } from '../aggressiveness';
import { foldText } from '../text';
import { findPhrase } from './find-phrase';

export interface ToneFinding {
  code: 'tone_aggressive' | 'tone_sarcasm' | 'tone_shouting' | 'tone_blame';
  /** The words that triggered it. */
  match: string;
  start?: number;
  end?: number;
}

export interface Tone {
  /** 0..1, the aggressiveness analyzer's score raised by dismissals. */
  aggressiveness: number;
  findings: ToneFinding[];
}

/** Curt dismissals: not insults in a lexicon, but never acceptable from a brand. */
const DISMISSAL = [
  'ferme-la', 'fermez-la', 'taisez-vous', 'tais-toi', 'on s\'en fiche', 'on s\'en fout', 'on s\'en moque', 'trop bete', 'trop betes',
  'shut up', 'nobody cares', 'who cares', 'we don\'t care', 'too dumb', 'too stupid',
];

/** Phrases that put the fault on the customer or show them the door. */
const BLAME = [
  'de votre faute', 'votre faute', 'vous auriez du', 'vous n\'avez qu\'a', 'au lieu de vous plaindre', 'allez voir ailleurs',
  'personne ne vous retient', 'pas notre probleme', 'si vous n\'etes pas content', 'si vous n\'etes pas contente', 'apprenez a lire',
  'vous avez mal saisi', 'vous avez mal lu', 'lisez les conditions', 'fallait lire',
  'your fault', 'you should have', 'instead of whining', 'instead of complaining', 'go elsewhere', 'nobody is keeping you',
  'not our problem', 'if you\'re not happy', 'if you are not happy', 'learn to read', 'maybe read', 'you typed', 'read the terms',
  'allez donc', 'chez la concurrence', 'allez acheter ailleurs', 'go and buy', 'from the competition then', 'buy elsewhere',
  'd\'une impolitesse', 'remarkably rude', 'how rude', 'votre probleme', 'your problem', 'abstenez-vous', 'don\'t bother', 'des aneries',
  'write nonsense',
];

/** Irony markers: phrases that, in a brand's reply, read as mockery. */
const SARCASM = [
  'on n\'a que ca a faire', 'quelle chance', 'comme d\'habitude', 'comme par hasard', 'ben voyons', 'sans blague', 'bien sur, on',
  'evidemment', 'encore une magnifique', 'quel bonheur', 'felicitations, vous avez', 'bravo, vous avez',
  'nothing better to do', 'lucky you', 'as usual', 'yeah right', 'oh wonderful', 'oh great', 'oh sure', 'obviously',
  'yet another glorious', 'how lovely', 'congrats, you found', 'what a surprise', 'well done, you',
];
/** Praise words that, next to a problem word, are ironic. */
const PRAISE = /\b(?:genial|magnifique|bravo|super|formidable|wonderful|glorious|congrats|great|brilliant|fantastic)\b/;
const PROBLEM = /\b(?:bug|panne|plante|retard|perdu|erreur|outage|crash|late|lost|broken|down)\b/;
const IRONY_EMOJI = /🙄|😏|🙃|\/s\b/u;

/**
 * @example
 * checkTone("C'est de votre faute, vous avez mal saisi l'adresse", 'fr').findings.map((f) => f.code)
 * // → ['tone_blame']
 */
export function checkTone(text: string, lang: 'fr' | 'en'): Tone {
  const folded = foldText(text);
  const findings: ToneFinding[] = [];
  const detection = detectAggressiveness(text, lang);
  let aggressiveness = detection.score;
  const insult = detection.reasons.find((r) => r.code !== 'shouting' && r.code !== 'hostility' && r.code !== 'obfuscation');
  if (insult && (detection.label === 'aggressive' || detection.label === 'toxic')) findings.push({ code: 'tone_aggressive', match: insult.match });
  const dismissal = findPhrase(folded, DISMISSAL);
  if (dismissal) {
    aggressiveness = Math.max(aggressiveness, 0.6);
    if (!findings.some((f) => f.code === 'tone_aggressive')) findings.push({ code: 'tone_aggressive', ...dismissal });
  }
  const blame = findPhrase(folded, BLAME);
  if (blame) findings.push({ code: 'tone_blame', ...blame });
  const sarcasm = findPhrase(folded, SARCASM);
  const ironicPraise = PRAISE.exec(folded);
  if (sarcasm) findings.push({ code: 'tone_sarcasm', ...sarcasm });
  else if (ironicPraise && PROBLEM.test(folded)) findings.push({ code: 'tone_sarcasm', match: ironicPraise[0], start: ironicPraise.index, end: ironicPraise.index + ironicPraise[0].length });
  else if (IRONY_EMOJI.test(text)) findings.push({ code: 'tone_sarcasm', match: IRONY_EMOJI.exec(text)?.[0] ?? '' });
  const shouting = detectShouting(text);
  if (shouting) findings.push({ code: 'tone_shouting', match: shouting });
  return { aggressiveness: Math.round(aggressiveness * 100) / 100, findings };
}

/** Capitals over most letters of a long enough text, or a run of exclamation marks. */
function detectShouting(text: string): string | undefined {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= 12 && upper.length / letters.length >= 0.6) return 'CAPITALS / MAJUSCULES';
  const bangs = /[!?]{3,}|(?:!\s*){3,}/.exec(text);
  return bangs ? bangs[0] : undefined;
}
