/**
 * Very frequent words of the seven languages Vigie must tell apart on short posts. Character
 * n-grams alone confuse `merci` with Italian or `Hola amigos` with Portuguese; one function word or
 * greeting settles most of these cases. Lists written by the Vigie authors; words shared by several
 * languages (`de`, `la`, `que`) are listed under each and so vote for each.
 */
const LISTS: Record<string, string> = {
  fr: `le la les un une des du de et est sont je tu il elle nous vous ils on ne pas que qui quoi pour sur dans avec
    mais ou donc ce cette ces mon ma mes ton ta tes son sa ses au aux très trop bien merci bonjour bonsoir salut oui non
    c'est j'ai n'est qu'il ça était être avoir fait peut tout tous rien jamais aussi encore déjà chez vraiment avez`,
  en: `the a an and is are was were be been i you he she it we they not no of to in for with on at this that these
    those my your his her our their what who why how when thanks thank hello hi yes just very so but or it's i'm don't
    can't have has had will would can could should love good great`,
  es: `el la los las un una unos de del y es son está están yo tú él ella nosotros que qué no por para con muy pero
    como cómo gracias hola sí también este esta esto mi mis su sus hay ser estar tengo tiene bueno buena muchas muchos`,
  de: `der die das den dem des ein eine einen und ist sind war ich du er sie es wir ihr nicht kein mit auf für von zu
    im in ist danke hallo ja nein sehr aber oder wie was warum wann auch noch schon mein dein sein unser gut schön`,
  it: `il lo la gli le un una di del della e è sono io tu lui lei noi voi che non per con molto ma come grazie ciao sì
    anche questo questa mio mia suo sua ho ha hanno essere bello bella buono buona tutto perché cosa`,
  pt: `o a os as um uma de do da dos das e é são eu tu ele ela nós vocês você que não por para com muito mas como
    obrigado obrigada olá oi sim também este esta isso meu minha seu sua tem ter ser estar bom boa tudo está`,
  nl: `de het een en is zijn was ik jij je hij zij wij we niet geen van met op voor naar dank bedankt hallo ja nee heel
    erg maar of hoe wat waarom wanneer ook nog al mijn jouw zijn onze goed mooi dit dat deze die heb heeft`,
};

/** Word (lower-case, as written) → the languages in whose list it appears. */
export const FUNCTION_WORDS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(LISTS)) {
    for (const word of list.split(/\s+/)) {
      if (word === '') continue;
      const langs = map.get(word) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      map.set(word, langs);
    }
  }
  return map;
})();

/** The languages the function-word lists cover, i.e. the ones Vigie promises on short posts. */
export const CORE_LANGUAGES: readonly string[] = Object.keys(LISTS);
