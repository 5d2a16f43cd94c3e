import { describe, expect, it } from 'vitest';
import { createAggressiveAnalyzer } from './aggressive-analyzer';
import { detectAggressiveness } from './detect-aggressiveness';

const label = (text: string, lang?: string) => detectAggressiveness(text, lang).label;
const codes = (text: string, lang?: string) => detectAggressiveness(text, lang).reasons.map((r) => r.code);

describe('detectAggressiveness', () => {
  it('leaves ordinary complaints and praise alone', () => {
    expect(label('Livraison en retard, j’espère que ça va s’arranger.', 'fr')).toBe('none');
    expect(label('Thanks for the quick fix, great service.', 'en')).toBe('none');
  });

  it('weighs an insult aimed at the reader more than one about a thing', () => {
    expect(label('Cette pub est débile.', 'fr')).toBe('mild');
    expect(label("T'es vraiment débile.", 'fr')).toBe('aggressive');
    expect(label('This update is stupid.', 'en')).toBe('mild');
    expect(label("You're stupid.", 'en')).toBe('aggressive');
    expect(detectAggressiveness("T'es vraiment un abruti", 'fr').score).toBeGreaterThan(detectAggressiveness('abruti', 'fr').score);
  });

  it('detects threats from a modal and a harm verb aimed at someone, not at a goal', () => {
    expect(label('Je vais te buter.', 'fr')).toBe('toxic');
    expect(label("I'm going to find you and hurt you.", 'en')).toBe('toxic');
    expect(codes('We know where you live.', 'en')).toContain('threat');
    expect(label('On va tuer la concurrence avec ce lancement 💪', 'fr')).toBe('none');
    expect(label("We're going to kill it with this launch", 'en')).toBe('none');
  });

  it('flags harassment, self-harm incitement, dehumanising language and slurs', () => {
    expect(codes('Ferme ta gueule.', 'fr')).toContain('harassment');
    expect(label('kys', 'en')).toBe('toxic');
    expect(label('Ces gens sont des cafards.', 'fr')).toBe('toxic');
    expect(label('Les rats du grenier sont partis.', 'fr')).toBe('none');
  });

  it('sees through obfuscation: l33t, masks, stretched and spaced letters', () => {
    for (const text of ['C0NN4RD', "t'es un i d i o t", 't es un connnnnnard', 'espèce de c.o.n.n.a.r.d']) {
      expect(label(text, 'fr')).not.toBe('none');
    }
    expect(codes('You are a f*cking m0r0n', 'en')).toEqual(expect.arrayContaining(['insult', 'obfuscation']));
  });

  it('lowers the score of negated or reported insults', () => {
    expect(label("Je ne dis pas que vous êtes des incapables, juste que c'est long.", 'fr')).toBe('none');
    expect(label('He called me an idiot on the phone, I filed a complaint.', 'en')).toBe('none');
    expect(label('Il a écrit « sale con » sous mon post', 'fr')).not.toBe('aggressive');
  });

  it('reports shouting, amplified when the post is angry', () => {
    expect(codes('J’EN AI MARRE DE VOS BUGS', 'fr')).toContain('shouting');
    expect(label('J’EN AI MARRE DE VOS BUGS', 'fr')).toBe('mild');
    expect(label('TROP CONTENTE DE MA ROBE', 'fr')).toBe('none');
  });

  it('gives every reason a bilingual message and the words it matched', () => {
    const [reason] = detectAggressiveness('You moron', 'en').reasons;
    expect(reason).toMatchObject({ code: 'insult', match: 'moron' });
    expect(reason?.message).toContain(' / ');
  });

  it('never throws on bad input and stays linear on 1 MB', () => {
    for (const text of ['', '😡😡😡', 'https://example.com/idiot', '\u0000\u0001\ud800', 'مرحبا 你好 connard', '!!!!'.repeat(1000)]) {
      expect(() => detectAggressiveness(text)).not.toThrow();
    }
    const huge = detectAggressiveness('a1 b2 c3 i d i o t '.repeat(60_000));
    expect(huge.score).toBeLessThanOrEqual(1);
    expect(detectAggressiveness(null as unknown as string).label).toBe('none');
  });
});

describe('createAggressiveAnalyzer', () => {
  it('stamps its result', () => {
    const result = createAggressiveAnalyzer().analyze({ text: 'Espèce de connard', lang: 'fr' });
    expect(result).toMatchObject({ analyzer: 'vigie-aggressive@1', label: 'aggressive' });
  });
});
