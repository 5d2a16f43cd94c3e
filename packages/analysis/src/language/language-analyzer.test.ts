import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXlmtSplit } from '../sentiment/parse-xlmt-split';
import { createLanguageAnalyzer, detectLanguage } from './language-analyzer';

/** Short posts as they come from social networks, written for this test (six per language). */
const SHORT_POSTS: Record<string, string[]> = {
  fr: [
    'Merci pour votre réponse rapide !',
    'pas terrible le service client ce matin',
    "J'adore la nouvelle appli 😍 #bravo",
    'Quelqu’un sait quand la livraison arrive ?',
    '@user franchement c’est nul, remboursez-moi',
    'Super soirée hier, on recommence quand ?',
  ],
  en: [
    'Thanks for the quick reply!',
    'not bad at all, love the new design',
    'This update broke my phone again 😡',
    'Where can I buy it in Canada?',
    '@user your support team never answers',
    'Great event last night, see you next year',
  ],
  es: [
    'Gracias por la respuesta, muy amable',
    '¿Dónde puedo comprarlo en Madrid?',
    'El servicio es muy malo hoy 😡',
    'Me encanta la nueva versión de la app',
    'No funciona desde ayer, ¿qué pasa?',
    '@user hola, tengo un problema con mi pedido',
  ],
  de: [
    'Danke für die schnelle Antwort!',
    'Wo kann ich das in Berlin kaufen?',
    'Der Kundendienst ist wirklich furchtbar',
    'Die neue App gefällt mir sehr gut 👍',
    'Seit gestern funktioniert nichts mehr',
    '@user ich warte immer noch auf meine Bestellung',
  ],
  it: [
    'Grazie per la risposta veloce!',
    'Dove posso comprarlo a Milano?',
    'Il servizio clienti è pessimo oggi',
    'Adoro la nuova app, complimenti 👏',
    'Non funziona più da ieri sera',
    '@user ciao, il mio ordine non è arrivato',
  ],
  pt: [
    'Obrigado pela resposta rápida!',
    'Onde posso comprar isso em Lisboa?',
    'O atendimento é péssimo hoje 😡',
    'Adorei o novo aplicativo, parabéns',
    'Não funciona desde ontem, o que aconteceu?',
    '@user olá, o meu pedido ainda não chegou',
  ],
  nl: [
    'Bedankt voor het snelle antwoord!',
    'Waar kan ik dit kopen in Amsterdam?',
    'De klantenservice is echt slecht vandaag',
    'Ik vind de nieuwe app heel mooi 👍',
    'Het werkt al sinds gisteren niet meer',
    '@user hallo, mijn bestelling is nog niet aangekomen',
  ],
};

describe('language analyzer', () => {
  const analyzer = createLanguageAnalyzer();

  it.each(Object.entries(SHORT_POSTS))('recognises short %s posts', (lang, posts) => {
    const detected = posts.map((text) => analyzer.analyze({ text }).value);
    expect(detected).toEqual(posts.map(() => lang));
  });

  it('stamps its result with name@version', () => {
    expect(analyzer.analyze({ text: 'Bonjour à tous' }).analyzer).toBe('vigie-lang@1');
  });

  it.each(['', 'ok', '👍👍🔥', 'https://example.com/a/b', '1234 5678', '@user #ad'])(
    'answers unknown when there is nothing to read: %j',
    (text) => {
      expect(detectLanguage(text).lang).toBe('unknown');
    },
  );

  it('keeps the language declared by the source when the text is too short to tell', () => {
    expect(analyzer.analyze({ text: 'ok 👍', lang: 'fr' }).value).toBe('fr');
    expect(analyzer.analyze({ text: 'Thanks for the quick reply!', lang: 'fr' }).value).toBe('en');
  });

  it('gives a higher confidence to a sentence than to a word', () => {
    const word = detectLanguage('bonjour').confidence;
    const sentence = detectLanguage('Bonjour, je voudrais savoir quand ma commande arrivera chez moi').confidence;
    expect(sentence).toBeGreaterThan(word);
  });
});

// Real tweets, next to the repository as on a developer machine and in CI (`../shared/data/sentiment`).
const dataDir = fileURLToPath(new URL('../../../../../shared/data/sentiment', import.meta.url));

describe.skipIf(!existsSync(`${dataDir}/xlmt-fr-val.tsv`))('language of real tweets (needs ../shared/data/sentiment)', () => {
  it.each(['fr', 'en'])('recognises at least 98 %% of the %s validation tweets', (lang) => {
    const tweets = parseXlmtSplit(readFileSync(`${dataDir}/xlmt-${lang}-val.tsv`, 'utf8'));
    const right = tweets.filter((t) => detectLanguage(t.text).lang === lang).length;
    expect(right / tweets.length).toBeGreaterThanOrEqual(0.98);
  });
});
