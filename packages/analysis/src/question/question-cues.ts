/**
 * Cue lexicons for question detection, hand-built for Vigie in French and English. Patterns run on
 * folded text (lower case, no accents, straight apostrophes), one sentence at a time.
 * Weights are evidence, not probabilities: a "?" alone makes a question, a weak cue does not.
 */

export interface CueSet {
  /** Interrogative words that open a question ("comment", "how"). */
  interrogativeStart: RegExp;
  /** Subject-verb inversion or auxiliary-first order ("pouvez-vous", "can you", "is there"). */
  inversion: RegExp;
  /** Phrases that ask for help or information even without "?". */
  strongRequest: RegExp;
  /** Politeness and search phrases that make a request likelier but are not one alone. */
  weakRequest: RegExp;
  /** Phrases of indignation, sarcasm or tag questions: no answer is expected. */
  rhetorical: RegExp;
  /** Exclamations that start like questions ("quelle journée !", "what a day"). */
  exclamative: RegExp;
}

const alt = (parts: string[]): string => parts.join('|');

export const FRENCH_CUES: CueSet = {
  interrogativeStart: new RegExp(
    `^(?:(?:et|mais|alors|du coup|bonjour|salut|hello|bref)[ ,]+)?(?:${alt([
      'comment', 'pourquoi', 'pq', 'pk', 'quand', 'ou', 'qui', 'quel(?:le)?s?', 'combien', 'est[- ]ce', "qu'est[- ]ce",
      'lequel', 'laquelle', 'que faire', 'a quel(?:le)?', 'de quoi', "c'est quoi", "c'est ou", "c'est combien", 'y a[- ]t[- ]il', 'existe[- ]t[- ]il',
    ])})\\b`,
  ),
  inversion: new RegExp(
    `\\b(?!peut-etre)[a-z]{2,}(?:-t)?-(?:je|tu|il|elle|on|nous|vous|ils|elles)\\b(?!-meme)|\\b(?:${alt([
      'tu sais', 'vous savez', 'tu connais', 'vous connaissez', 'vous avez', 'tu as', 't\'as',
    ])})\\b.*\\?`,
  ),
  strongRequest: new RegExp(
    `\\b(?:${alt([
      "quelqu'un (?:sait|saurait|connait|a deja|a une|aurait|peut|pourrait|a teste)", "quelqu un (?:sait|a)", 'qqn (?:sait|a|connait|peut)',
      "(?:une|des) idees? (?:de|pour|sur|d'ou|du pourquoi|svp|\\?)", '(?:des|un) conseils? (?:pour|sur|svp)', "j'aimerais savoir", 'je voudrais savoir',
      'je me demande (?:si|comment|pourquoi|quand|ou|qui|quel)', "besoin d'(?:aide|un coup de main|un conseil|infos?)", 'comment (?:on fait|je|faire|fait|puis[- ]je|dois)', "merci d'avance", '^(?:help|au secours|a l\'aide)\\b', 'a qui (?:dois|faut|puis)',
      'est[- ]il possible', "c'est possible de", 'possible de (?:savoir|avoir)', 'savez[- ]vous', 'sauriez[- ]vous', 'pouvez[- ]vous', 'pourriez[- ]vous',
      'peux[- ]tu', 'pourrais[- ]tu', 'auriez[- ]vous', 'avez[- ]vous', 'vous livrez', '^est[- ]ce (?:que|qu\')', '(?:ou pas|ou non)\\s*[?.!]*$',
      '(?:on|je) (?:fait|fais) comment', 'comprends? pas comment', "(?:vous pouvez|tu peux|tu pourrais) (?:m'|me |nous )",
      "merci de (?:me|nous|m') ?(?:dire|indiquer|confirmer|preciser|repondre|rappeler|envoyer)", 'dites[- ]moi (?:si|comment|quand|ou|pourquoi)', 'tenez[- ]moi au courant si',
      'vous recommandez', 'que me conseillez', 'que conseillez', '(?:vous|tu) (?:conseillez|conseilles|recommandez|recommandes) quoi',
      '(?:vous|vs|tu) (?:savez|sauriez|sais) si', 'je voulais (?:savoir|demander)', "(?:il )?y'? ?a moyen", 'y a[- ]t[- ]il moyen',
      "^(?:c'est|c|c'?est) (?:quoi|koi|combien|quand|ou)\\b", '(?:une|des) (?:solutions?|astuces?|pistes?)', 'aidez[- ]moi', 'au secours', 'help',
    ])})\\b`,
  ),
  weakRequest: new RegExp(
    `\\b(?:${alt(['je cherche', 'on cherche', 'svp', 'stp', "s'il vous plait", "s'il te plait", 'par hasard', 'on peut', 'je peux', 'aidez[- ]moi', 'au secours'])})\\b`,
  ),
  rhetorical: new RegExp(
    `(?:${alt([
      'vous vous foutez', 'tu te fous', 'se fout(?:ent)? de', "c'est une blague", 'sans blague', '\\bserieux\\b', 'serieusement', 'vous etes serieux',
      'comment (?:peut[- ]on|on peut|peut[- ]il|est[- ]ce possible d)', 'pourquoi (?:c\'est|ca|vous etes|il faut) toujours',
      "qui n'a (?:jamais|pas)", 'a quoi bon', "s'etonne(?:nt)?", 'combien de fois (?:faut|faudra|faudrait|doit|devra|va)', 'comment ne pas', '(?:ils|vous|tu) pens(?:ent|ez|es) vraiment', "ca (?:vous|t'|leur) arrive de", '(?:il|elle|ca|vous|tu) sert a quoi', 'a quoi (?:il|elle|ca|vous|tu) sert', 'au juste', '^franchement,? (?:qui|quoi|pourquoi|comment)', "c'est normal (?:ca|ce)\\b", 'qui a encore envie',
      "qu'est[- ]ce qui (?:leur|lui|vous|t') est passe", 'comment dire non', "n'est[- ]ce pas", 'ou quoi\\b', 'on est en 20\\d\\d',
      'vous appelez ca', 'trouvez ca (?:normal|acceptable|correct|serieux|logique)', 'idee lumineuse', "c'est moi ou", 'quelle surprise', 'comment ose',
      "y a (?:quelqu'un|personne) qui", "quelqu'un (?:travaille|bosse) encore", '^(?:encore|toujours)\\b[^?]{0,25}\\?',
      'qui a (?:valide|eu l\'idee|pense)', 'vous trouvez ca normal', 'vous avez honte', 'vraiment \\?', ', non \\?\\s*$', '\\bhein\\b',
      'qui peut encore', 'c\'est pas possible', 'vous rigolez', 'tu rigoles', 'on se moque', 'cense etre', 'qui d\'autre', 'qui a besoin d',
      'de toute facon\\s*\\?', 'ah parce que', 'maintenant il faut', 'comment voulez[- ]vous', 'vous dormez', 'bravo,? vraiment',
      '^(?:et )?depuis quand', '(?:croyez|crois|croient|pensez|penses) vraiment', "c'est (?:si|trop|tellement) (?:complique|dur|difficile|demander)",
      'pourquoi se (?:fatiguer|casser la tete|gener)', 'avouez', 'avoue', '(?:vous allez|tu vas) encore nous',
    ])})`,
  ),
  exclamative: /^(?:quel(?:le)?s? (?!est|sont|etait)|que de |comme c'est|qu'est-ce que c'est (?:beau|bon|bien)|quelle? (?:journee|soiree|chance|horreur|blague))/,
};

export const ENGLISH_CUES: CueSet = {
  interrogativeStart: new RegExp(
    `^(?:(?:and|but|so|hi|hello|hey|ok)[ ,]+)?(?:${alt(['how', 'what', "what's", 'whats', 'why', 'when', 'where', 'who', "who's", 'which', 'whose', 'whom', 'wtf'])})\\b`,
  ),
  inversion: new RegExp(
    `^(?:(?:and|but|so|hi|hello|hey|ok|also|quick question)[ ,:]+)?(?:do|does|did|is|are|was|were|can|could|will|would|should|shall|may|might|has|have|had|am|isn't|aren't|doesn't|don't|can't|won't)\\s+(?:i|you|we|they|he|she|it|anyone|anybody|someone|somebody|there|this|that|the|my|your|u)\\b`,
  ),
  strongRequest: new RegExp(
    `\\b(?:${alt([
      'does anyone know', 'anyone know', 'anybody know', 'does anybody', 'does someone', 'has anyone', 'have you guys', 'any (?:idea|ideas|recommendations?|tips|advice|suggestions?)',
      'can (?:anyone|someone|somebody|you)', 'could (?:anyone|someone|somebody|you)', 'would you (?:mind|know)', 'is there (?:a|any) way', 'how (?:do|can|should|would) (?:i|we)', 'how (?:do|should|would) you', 'is it possible', 'thanks in advance', '^(?:help|halp|sos)\\b',
      'i wonder (?:if|whether|how|why|what|when)', 'i was wondering', "i'd like to know", 'i would like to know', 'need (?:some )?help', 'quick question',
      'please (?:advise|help|let me know|tell me|confirm|send)', 'what is the best', "what's the best", 'do you (?:ship|deliver|have|know|offer|sell)',
      '(?:would|do|could) you recommend', 'you recommend', 'i wanted to (?:know|ask)', 'any (?:fix|solution|workaround)', '(?:pls|plz|please) help', 'help (?:me|pls|plz|please)',
      "^(?:what's|whats|what is|where's|wheres|where is|when's|when is|how much|how long|which) (?:the|your|my|a)\\b", 'how (?:do|does|can|should) one',
      '(?:or not)\\s*[?.!]*$', "(?:i )?(?:don'?t|do not) (?:get|understand) how", 'let me know (?:if|how|when|whether|where|why)',
      'by any chance', 'got any',
    ])})\\b`,
  ),
  weakRequest: new RegExp(`\\b(?:${alt(["i'm looking for", 'im looking for', 'looking for', 'please', 'pls', 'plz'])})\\b`),
  rhetorical: new RegExp(
    `(?:${alt([
      'are you kidding', 'you kidding', 'kidding me', 'seriously', 'are you serious', 'how hard (?:can|is) it', 'who even', "what's not to", 'what is not to',
      "who wouldn't", "who doesn't", "who didn't", "isn't it\\b", "aren't they", "don't you think", 'how is (?:this|that|it) (?:even|legal|possible|acceptable)', 'how (?:can|could|do) (?:anyone|you|they|people) (?:be|do|say|leave|let|treat|sleep|live)', 'how (?:could|can) (?:i|you|anyone) (?:not|resist)', 'how many (?:more )?times (?:do|does|must|will|should|have)', 'you think (?:it\'s|this is|that\'s|it is) (?:normal|ok|okay|acceptable|fair)', "you(?:'re| are| must be) (?:joking|kidding)", '\\ba joke\\b', 'no shame', 'have you no', '(?:do|does|did) (?:you|they|he|she) (?:ever|really|honestly|seriously|actually) (?:think|believe|expect|read|listen|care)', 'on earth', 'the hell', '^(?:honestly|frankly|seriously),? (?:who|what|why|how)', 'who (?:exactly|still|else would|hasn\'t|has never|in their right mind)', "what(?:'s| is) the point", '\\bhuh\\s*\\?', '(?:be|get|have been) any (?:slower|worse|dumber|more)', 'you think you\'re',
      'and (?:they|you|we) wonder', 'who cares', 'what were (?:they|you) thinking', 'could (?:this|it|that) (?:be|have been|have gone|get) any',
      "it's 20\\d\\d", 'it is 20\\d\\d', '^(?:and )?since when', 'you call (?:this|that)', 'find (?:that|this|it) (?:acceptable|normal|ok|okay|fair)',
      '(?:bright|brilliant|genius) idea', 'is it (?:just )?me or', 'what a surprise', 'is (?:anyone|anybody) (?:still )?(?:working|there|awake|home)',
      ', no\\s*\\?\\s*$', '^(?:another|again|still)\\b[^?]{0,25}\\?', "is it (?:that|so|too) (?:hard|difficult|much to ask)", 'why bother',
      "what(?:'s| is)? (?:good is|the use)", 'admit it', "(?:you'?re|you are) going to tell (?:us|me)", 'who (?:approved|thought|signed off)', 'why (?:is|does) it always', 'why do i even', 'why are you always',
      'really\\s*\\?', ', right\\s*\\?\\s*$', 'supposed to be', 'who else', 'or what\\s*\\?', 'who needs', 'anyway\\s*\\?', '(?:oh|ah),? so now',
      'so now (?:i|we) have to', 'how do you expect', 'are you (?:all )?asleep', '(?:bravo|well done|great job),? really', 'what the (?:hell|heck|f)', '\\bwtf\\b', 'how dare', 'am i the only one', 'are we supposed to',
    ])})`,
  ),
  exclamative: /^(?:what an? |how (?:nice|cool|sweet|lovely|great|awesome|sad|cute|fun)\b|what (?:great|nice|lovely|a))/,
};
