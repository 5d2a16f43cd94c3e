/**
 * Jargon detection for the reply guard ("pas trop technique"): acronyms the public may not know,
 * very long words, technical and management vocabulary, and, in French, English business words
 * ("deadline", "process") that a French customer may not expect from a brand.
 */
import { clampText, countSyllables, foldText, resolveLang, tokenize, words } from '../text';

export type JargonReason = 'acronym' | 'long-word' | 'technical' | 'anglicism';

export interface JargonTerm {
  term: string;
  reason: JargonReason;
  start: number;
  end: number;
}

export interface Jargon {
  terms: JargonTerm[];
  /** Share of words that are jargon, 0..1. */
  ratio: number;
}

/** Acronyms everyone knows: not jargon. */
const COMMON_ACRONYMS = new Set(
  'OK TV USA UK EU UE US PDF SMS FAQ SAV TVA VAT RER SNCF RATP PDG CEO ID PIN GPS WIFI DVD CD PC BD RDV ASAP LOL MDR PS NB SVP STP OMG DM MP FR EN ONU NASA UFC PSG OM RSA CAF CB HT TTC AM PM'.split(' '),
);

const TECHNICAL = new Set(
  `api apis backend frontend back-end front-end middleware kpi kpis roi sla slas onboarding workflow workflows scalable scalabilite
  parametrage implementer implementation synergie synergies leverage leveraging deliverable deliverables livrable livrables benchmark
  benchmarker churn token tokens cache firmware latence latency bande-passante bandwidth dns vpn sso 2fa oauth webhook webhooks payload
  backlog roadmap sprint stack saas paas b2b b2c growth funnel ctr cpc cpm paradigm paradigme holistique holistic stakeholder stakeholders
  mutualiser mutualisation granularite granularity interoperabilite interoperability provisionner provisioning deployer deploiement
  deployment refacto refactoring hotfix patch rollback endpoint endpoints serveur proxy cookie cookies tracking monitoring ticketing
  escalade escalation omnicanal omnichannel touchpoint touchpoints disruptif disruptive ux ui crm erp`.split(/\s+/),
);

const FRENCH_ANGLICISMS = new Set(
  `deadline process feedback meeting call brief briefer challenger booster checker forwarder updater upgrader asap business
  customer care manager team leader best practices best-practice insight insights mindset empowerment bottom-line
  workshop slot follow-up reporting forecast timing pricing process`.split(/\s+/),
);

/**
 * Finds jargon in a text. Never throws.
 *
 * @example
 * detectJargon('Notre API respecte le SLA, voir le backlog', 'fr').terms.map((t) => t.term)
 * // → ['API', 'SLA', 'backlog']
 */
export function detectJargon(text: string, lang?: string): Jargon {
  const clean = clampText(text);
  const language = resolveLang(lang, () => words(clean.slice(0, 500)));
  const terms: JargonTerm[] = [];
  let wordCount = 0;
  for (const token of tokenize(clean)) {
    if (token.kind !== 'word') continue;
    wordCount++;
    const reason = jargonReason(token.text, token.norm, language);
    if (reason) terms.push({ term: token.text, reason, start: token.start, end: token.end });
  }
  return { terms, ratio: wordCount === 0 ? 0 : Math.round((terms.length / wordCount) * 1000) / 1000 };
}

function jargonReason(text: string, norm: string, lang: 'fr' | 'en' | 'unknown'): JargonReason | undefined {
  if (TECHNICAL.has(norm) || TECHNICAL.has(foldText(norm.replace(/s$/, '')))) return 'technical';
  if (/^[A-Z][A-Z0-9]{1,5}s?$/.test(text) && !COMMON_ACRONYMS.has(text.replace(/s$/, ''))) return 'acronym';
  if (lang === 'fr' && FRENCH_ANGLICISMS.has(norm)) return 'anglicism';
  // Five syllables need at least nine letters: skip the count for shorter words.
  if (text.length < 9) return undefined;
  const syllables = countSyllables(text, lang === 'fr' ? 'fr' : 'en');
  if (syllables >= 6 || (syllables >= 5 && text.length >= 14)) return 'long-word';
  return undefined;
}
