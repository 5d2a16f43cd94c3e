import { describe, expect, it } from 'vitest';
import { checkDraft, type DraftInput } from './check-draft';
import type { GuardReasonCode } from './guard-messages';

const codes = (input: DraftInput): GuardReasonCode[] => checkDraft(input).reasons.map((r) => r.code);

/** Each code: a draft that triggers it and a close one that does not, in French and in English. */
const CASES: Array<{ code: GuardReasonCode; lang: 'fr' | 'en'; hit: DraftInput; miss: DraftInput }> = [
  { code: 'tone_aggressive', lang: 'fr', hit: { text: 'Vous êtes vraiment un abruti, apprenez à lire.' }, miss: { text: 'Vous avez raison, nous allons relire votre dossier.' } },
  { code: 'tone_aggressive', lang: 'en', hit: { text: 'Shut up, you clown.' }, miss: { text: 'Thanks, you are right, we will look again.' } },
  { code: 'tone_sarcasm', lang: 'fr', hit: { text: 'Ah oui, bien sûr, on n’a que ça à faire, vous répondre.' }, miss: { text: 'Nous vous répondons dès que possible, merci de votre patience.' } },
  { code: 'tone_sarcasm', lang: 'en', hit: { text: 'Congrats, you found the only bug of the year, lucky you!' }, miss: { text: 'Thanks for finding this bug, we are fixing it.' } },
  { code: 'tone_shouting', lang: 'fr', hit: { text: 'MERCI DE LIRE NOS MESSAGES AVANT DE NOUS ÉCRIRE' }, miss: { text: 'Merci de votre message, on regarde.' } },
  { code: 'tone_shouting', lang: 'en', hit: { text: 'Please read our messages!!!' }, miss: { text: 'Please read our help page!' } },
  { code: 'tone_blame', lang: 'fr', hit: { text: 'C’est de votre faute, vous avez mal saisi votre adresse.' }, miss: { text: 'L’adresse semble incomplète, pouvez-vous la vérifier ?' } },
  { code: 'tone_blame', lang: 'en', hit: { text: 'This is your fault, you typed your address wrong.' }, miss: { text: 'The address looks incomplete, could you check it?' } },
  {
    code: 'hard_to_read', lang: 'fr',
    hit: { text: 'Conformément à l’optimisation de notre chaîne logistique multimodale, l’acheminement de vos commandes s’effectue via une plateforme de redistribution interrégionale dont la paramétrisation conditionne intrinsèquement les délais.' },
    miss: { text: 'Vos commandes passent par un entrepôt régional. Le délai dépend de votre ville. Comptez trois jours.' },
  },
  {
    code: 'hard_to_read', lang: 'en',
    hit: { text: 'Pursuant to the optimization of our multimodal logistical infrastructure, the conveyance of consignments is effectuated via interregional redistribution platforms whose parameterization intrinsically determines indicative timeframes.' },
    miss: { text: 'Your order goes through a regional warehouse. The delay depends on your town. Allow three days.' },
  },
  { code: 'jargon', lang: 'fr', hit: { text: 'Le backend a un souci de latence sur l’API, le hotfix est dans le backlog.' }, miss: { text: 'Notre site a un souci de lenteur, la correction arrive cette semaine.' } },
  { code: 'jargon', lang: 'en', hit: { text: 'We leveraged stakeholder synergies to optimize the pricing funnel, see the KPI deliverables.' }, miss: { text: 'We changed our prices to keep them fair; the details are on our site.' } },
  { code: 'too_technical', lang: 'fr', hit: { text: 'La hausse de 4,7 % suit une inflation de 5,2 % sur 12 mois et des coûts en hausse de 18 %.' }, miss: { text: 'Le prix augmente de 2 euros à cause de la hausse des coûts de transport.' } },
  { code: 'too_technical', lang: 'en', hit: { text: 'Of our 2,450 masts, 97.3% work; average speed is 245 Mbps versus 198 Mbps, up 23.7%.' }, miss: { text: 'Almost all our masts work again; speeds should be back to normal tonight.' } },
  { code: 'off_topic', lang: 'fr', hit: { text: 'Découvrez notre nouvelle gamme de chaussures !', replyTo: 'Le magasin de Lyon est ouvert dimanche ?' }, miss: { text: 'Oui, le magasin de Lyon est ouvert dimanche.', replyTo: 'Le magasin de Lyon est ouvert dimanche ?' } },
  { code: 'off_topic', lang: 'en', hit: { text: 'Check out our new range of hiking boots!', replyTo: 'Is the London store open on Sunday?' }, miss: { text: 'Yes, the London store is open on Sundays.', replyTo: 'Is the London store open on Sunday?' } },
  { code: 'dodges_question', lang: 'fr', hit: { text: 'Merci pour votre fidélité, belle journée à vous.', replyTo: 'Combien coûte l’abonnement famille ?' }, miss: { text: 'L’abonnement famille coûte 15 euros par mois.', replyTo: 'Combien coûte l’abonnement famille ?' } },
  { code: 'dodges_question', lang: 'en', hit: { text: 'Thanks for your loyalty, have a great day.', replyTo: 'How much is the family subscription?' }, miss: { text: 'Sorry for the wait, we are checking and will come back to you.', replyTo: 'How much is the family subscription?' } },
  { code: 'too_long', lang: 'fr', hit: { text: 'Bonjour ! '.repeat(40), network: 'x' }, miss: { text: 'Bonjour ! '.repeat(40), network: 'mastodon' } },
  { code: 'too_long', lang: 'en', hit: { text: 'Hello there! '.repeat(25), network: 'bluesky' }, miss: { text: 'Hello there! '.repeat(25), network: 'linkedin' } },
  { code: 'format', lang: 'fr', hit: { text: `Nouvelle collection ${Array.from({ length: 31 }, (_, i) => `#mode${i}`).join(' ')}`, network: 'instagram' }, miss: { text: 'Nouvelle collection #mode #hiver', network: 'instagram' } },
  { code: 'format', lang: 'en', hit: { text: 'Our **new** collection is out', network: 'bluesky' }, miss: { text: 'Our new collection is out', network: 'bluesky' } },
  { code: 'personal_data', lang: 'fr', hit: { text: 'Appelez-nous au 06 12 34 56 78 pour la commande CMD-458712.' }, miss: { text: 'Envoyez-nous votre numéro de commande en message privé.' } },
  { code: 'personal_data', lang: 'en', hit: { text: 'Email john.martin@shop-example.com, he handles your case.' }, miss: { text: 'Send us your order number by DM.' } },
  { code: 'risky_promise', lang: 'fr', hit: { text: 'Nous vous rembourserons tous les dégâts, c’est garanti.' }, miss: { text: 'Nous étudions votre demande et revenons vers vous demain.' } },
  { code: 'risky_promise', lang: 'en', hit: { text: 'We promise a full refund and will cover your lawyer’s fees.' }, miss: { text: 'We are looking at your request and will come back tomorrow.' } },
];

describe('checkDraft: every reason code, on and off, in both languages', () => {
  for (const c of CASES) {
    it(`${c.code} (${c.lang})`, () => {
      expect(codes({ ...c.hit, lang: c.lang })).toContain(c.code);
      expect(codes({ ...c.miss, lang: c.lang })).not.toContain(c.code);
    });
  }
});

describe('checkDraft: verdict policy', () => {
  it('holds aggression, blame, personal data and risky promises', () => {
    expect(checkDraft({ text: 'You are a complete idiot.', lang: 'en' }).verdict).toBe('hold');
    expect(checkDraft({ text: 'Vous n’avez qu’à lire la notice au lieu de vous plaindre.', lang: 'fr' }).verdict).toBe('hold');
    expect(checkDraft({ text: 'Votre IBAN FR76 3000 6000 0112 3456 7890 189 est enregistré.', lang: 'fr' }).verdict).toBe('hold');
    expect(checkDraft({ text: 'We guarantee compensation.', lang: 'en' }).verdict).toBe('hold');
  });

  it('asks a review for weaker but harmless drafts, and passes good ones', () => {
    expect(checkDraft({ text: 'Profitez de -20 % ce week-end !', replyTo: 'Vous livrez le samedi ?', lang: 'fr' }).verdict).toBe('review');
    const ok = checkDraft({ text: 'Bonjour ! Oui, nous livrons en Belgique, en 3 à 5 jours.', replyTo: 'Est-ce que vous livrez en Belgique ?', network: 'x' });
    expect(ok.verdict).toBe('ok');
    expect(ok.lang).toBe('fr');
    expect(ok.reasons).toEqual([]);
    expect(ok.scores.relevance).toBeGreaterThan(0.5);
    expect(ok.scores.readability.formula).toBe('kandel-moles');
  });

  it('gives one bilingual suggestion per reason code, and spans that point at the words', () => {
    const text = 'Nous vous rembourserons, appelez le 06 12 34 56 78.';
    const result = checkDraft({ text, lang: 'fr' });
    expect(result.suggestions.map((s) => s.code).sort()).toEqual(['personal_data', 'risky_promise']);
    expect(result.suggestions.every((s) => s.message.length > 0 && (s.messageFr ?? '').length > 0)).toBe(true);
    const phone = result.reasons.find((r) => r.code === 'personal_data');
    expect(phone?.span && text.slice(phone.span.start, phone.span.end)).toBe('06 12 34 56 78');
  });

  it('uses the workspace list of risky phrases when given', () => {
    const riskyPhrases = { fr: ['bon d’achat'], en: ['voucher'] };
    expect(codes({ text: 'Nous vous offrons un bon d’achat.', lang: 'fr', riskyPhrases })).toContain('risky_promise');
    expect(codes({ text: 'Nous vous remboursons.', lang: 'fr', riskyPhrases })).not.toContain('risky_promise');
  });
});

describe('checkDraft: bad input never throws', () => {
  it('handles empty, huge, binary and wrongly typed input', () => {
    expect(checkDraft({ text: '' }).reasons.map((r) => r.code)).toEqual(['empty']);
    const huge = checkDraft({ text: 'Merci pour votre message. '.repeat(40_000), network: 'facebook', replyTo: 'x'.repeat(100_000) });
    expect(huge.reasons.map((r) => r.code)).toContain('too_long');
    expect(huge.scores.length.chars).toBeGreaterThan(1_000_000);
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    expect(['ok', 'review', 'hold']).toContain(checkDraft({ text: binary }).verdict);
    expect(checkDraft({ text: 42 as unknown as string, network: 'myspace', lang: 'xx' }).verdict).toBe('review');
    expect(checkDraft(undefined as unknown as DraftInput).verdict).toBe('review');
    const started = performance.now();
    for (const filler of ['9', '@', 'a.', '#', '!', 'É']) checkDraft({ text: filler.repeat(200_000), replyTo: filler.repeat(20_000), network: 'x' });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
