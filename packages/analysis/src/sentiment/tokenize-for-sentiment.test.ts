import { describe, expect, it } from 'vitest';
import { tokenizeForSentiment } from './tokenize-for-sentiment';

const marked = (text: string): string[] =>
  tokenizeForSentiment(text).tokens.map((t) => `${t.negated ? 'NOT_' : ''}${t.norm}`);

describe('tokenizeForSentiment', () => {
  it('expands French elisions, with either apostrophe', () => {
    expect(marked("J'adore l'appli")).toEqual(['je', 'adore', 'le', 'appli']);
    expect(marked('C’est qu’il pleut')).toEqual(['ce', 'est', 'que', 'il', 'pleut']);
  });

  it('keeps words whose apostrophe is not an elision', () => {
    expect(marked("aujourd'hui")).toEqual(["aujourd'hui"]);
  });

  it('marks the words a negation covers, up to punctuation', () => {
    expect(marked("Ce n'est pas terrible, mais bon")).toEqual(['ce', 'ne', 'NOT_est', 'pas', 'NOT_terrible', '.', 'mais', 'bon']);
    expect(marked("I don't like it")).toEqual(['i', 'do', 'not', 'NOT_like', 'NOT_it']);
    expect(marked("can't wait")).toEqual(['can', 'not', 'NOT_wait']);
  });

  it('stops a negation scope at "but" / "mais"', () => {
    expect(marked('not cheap but good')).toEqual(['not', 'NOT_cheap', 'but', 'good']);
  });

  it('reads hashtags as words, and links and handles as placeholders', () => {
    const { tokens } = tokenizeForSentiment('@marie #Bonheur total https://t.co/x');
    expect(tokens.map((t) => [t.kind, t.norm])).toEqual([
      ['user', '<user>'], ['hashtag', 'bonheur'], ['word', 'total'], ['url', '<url>'],
    ]);
  });

  it('recognises emoji and emoticons with their polarity', () => {
    const { tokens } = tokenizeForSentiment('top :) 😍 mais :( 😡');
    const polar = tokens.filter((t) => t.polarity !== 0).map((t) => Math.sign(t.polarity));
    expect(polar).toEqual([1, 1, -1, -1]);
  });

  it('collapses elongations and notes capitals and punctuation cues', () => {
    const { tokens, cues } = tokenizeForSentiment('GÉNIAL, trooooop bien !!! ?!');
    expect(tokens[0]).toMatchObject({ norm: 'genial', shouted: true });
    expect(tokens[2]).toMatchObject({ norm: 'troop', elongated: true });
    expect(cues.exclamations).toBe(4);
    expect(cues.ironyMarks).toBe(1);
  });
});
