import { describe, expect, it } from 'vitest';
import { recommendResponse, type ResponseInput } from './recommend-response';
import type { ResponseAction } from './respond-messages';

const action = (input: ResponseInput): ResponseAction => recommendResponse(input).action;

const CASES: Array<[ResponseAction, 'fr' | 'en', string]> = [
  ['reply', 'fr', 'Bonjour, le magasin de Nice est ouvert le lundi ?'],
  ['reply', 'en', 'Hi, is the Nice store open on Mondays?'],
  ['reply', 'fr', 'Encore une panne ce soir, ça devient pénible'],
  ['reply', 'en', 'Another outage tonight, this is getting tiresome'],
  ['reply_privately', 'fr', 'Ma commande 558712 n’est jamais arrivée'],
  ['reply_privately', 'en', 'I was charged twice for the same order'],
  ['reply_privately', 'fr', 'Rappelez-moi au 06 12 34 56 78 svp'],
  ['acknowledge', 'fr', 'Merci pour l’accueil au magasin, équipe au top !'],
  ['acknowledge', 'en', 'Thanks for the quick delivery, perfect!'],
  ['escalate', 'fr', 'Mon avocat vous envoie une mise en demeure'],
  ['escalate', 'en', 'The charger caught fire on my desk'],
  ['escalate', 'fr', 'Journaliste au Monde, pouvez-vous commenter la panne ?'],
  ['dont_respond', 'fr', 'Allez viens te battre le CM 😂'],
  ['dont_respond', 'en', 'Come at me social media intern'],
  ['dont_respond', 'en', 'Win a free iPhone, click here http://spam.example'],
  ['dont_respond', 'fr', 'Vous êtes tous des abrutis'],
];

describe('recommendResponse: one example per action, French and English', () => {
  for (const [expected, lang, text] of CASES) {
    it(`${expected}: ${text}`, () => {
      const result = recommendResponse({ text, lang });
      expect(result.action).toBe(expected);
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(result.reasons.every((r) => r.message.length > 0 && r.messageFr.length > 0)).toBe(true);
    });
  }

  it('escalates a negative message from an author with a large audience, not from a small one', () => {
    const text = 'Service client lamentable, encore une heure d’attente';
    expect(action({ text, lang: 'fr', author: { handle: '@star', followers: 250_000 } })).toBe('escalate');
    expect(action({ text, lang: 'fr', author: { handle: '@someone', followers: 120 } })).toBe('reply');
  });

  it('trusts the fields the caller already knows', () => {
    expect(action({ text: 'Vous êtes tous des abrutis', lang: 'fr', aggressive: false, sentiment: 'negative' })).toBe('reply');
    expect(action({ text: 'Le nouveau modèle', lang: 'fr', isQuestion: true })).toBe('reply');
    expect(recommendResponse({ text: 'Le nouveau modèle', lang: 'fr', mentionsCompetitor: true, sentiment: -0.5 }).reasons.map((r) => r.code)).toContain('competitor');
  });
});

describe('recommendResponse: priority in plain words', () => {
  it('says how long a question has waited and raises it with time', () => {
    const fresh = recommendResponse({ text: 'Vous livrez en Corse ?', lang: 'fr', ageMinutes: 5 });
    const old = recommendResponse({ text: 'Vous livrez en Corse ?', lang: 'fr', ageMinutes: 180 });
    expect(old.priority).toBeGreaterThan(fresh.priority);
    expect(old.priorityReasons[0]).toMatchObject({ code: 'unanswered_question', message: 'Question unanswered for 3 h', messageFr: 'Question sans réponse depuis 3 h' });
  });

  it('explains reach, crisis and competitor', () => {
    const result = recommendResponse({ text: 'Really disappointed, the app is broken again', lang: 'en', author: { handle: '@a', followers: 25_000 }, inCrisis: true, mentionsCompetitor: true });
    const messages = result.priorityReasons.map((r) => r.message);
    expect(messages).toContain('Negative, author reach 25k');
    expect(messages).toContain('Part of the current crisis');
    expect(messages).toContain('Compares us to a competitor');
    expect(result.priority).toBeLessThanOrEqual(100);
  });

  it('keeps what we should not answer at the bottom, whatever its engagement', () => {
    const troll = recommendResponse({ text: 'Come at me social media intern', lang: 'en', engagement: { likes: 5000, reposts: 900 } });
    expect(troll.priority).toBeLessThanOrEqual(5);
    const question = recommendResponse({ text: 'Do you ship to Canada?', lang: 'en' });
    expect(question.priority).toBeGreaterThan(troll.priority);
  });
});

describe('recommendResponse: bad input never throws', () => {
  it('handles empty, huge, binary and wrongly typed input', () => {
    expect(action({ text: '' })).toBe('dont_respond');
    expect(['reply', 'reply_privately', 'acknowledge', 'escalate', 'dont_respond']).toContain(action({ text: 'Bonjour '.repeat(150_000) }));
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 31) % 256));
    expect(typeof recommendResponse({ text: binary }).priority).toBe('number');
    expect(recommendResponse({ text: 7 as unknown as string, ageMinutes: Number.NaN, sentiment: Number.POSITIVE_INFINITY }).priority).toBeGreaterThanOrEqual(0);
    expect(recommendResponse(undefined as unknown as ResponseInput).action).toBe('dont_respond');
  });
});
