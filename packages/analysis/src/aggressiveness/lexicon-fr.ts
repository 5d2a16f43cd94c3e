/**
 * French aggressiveness lexicon and patterns, hand-built for Vigie (2026-11) from common insults,
 * threats and harassment formulas seen on French social networks, including SMS spellings
 * ("fdp", "ntm", "tg"). Patterns run on folded text. Weights are base strengths before targeting.
 */
import { buildLexicon, type Lexicon } from './lexicon';
import type { PatternSet } from './pattern-set';

export const FRENCH_LEXICON: Lexicon = buildLexicon({
  insult: `connard:0.5 connasse:0.5 con:0.35 conne:0.4 abruti:0.45 abrutie:0.45 cretin:0.45 cretine:0.45 debile:0.35
    idiot:0.4 idiote:0.4 imbecile:0.45 cretins:0.45 abrutis:0.45 connards:0.5 idiots:0.4 imbeciles:0.45 debiles:0.35
    encule:0.65 encules:0.65 enfoire:0.55 enfoires:0.55 batard:0.55 batards:0.55 salaud:0.5 salauds:0.5 salopard:0.55
    ordure:0.55 ordures:0.55 raclure:0.6 minable:0.4 minables:0.4 bouffon:0.4 bouffons:0.4 clown:0.4 clowns:0.4
    guignol:0.35 guignols:0.35 rigolo:0.3 rigolos:0.3 boloss:0.4 bolos:0.4 gogol:0.5 mongol:0.55 taré:0.4 tares:0.4
    naze:0.35 nazes:0.35 incapable:0.4 incapables:0.4 incompetent:0.4 incompetents:0.4 voleur:0.4 voleurs:0.4
    escroc:0.45 escrocs:0.45 arnaqueur:0.4 arnaqueurs:0.4 menteur:0.35 menteurs:0.35 menteuse:0.35 menteuses:0.35 voleuse:0.4 voleuses:0.4 arnaqueuse:0.4 lache:0.3 cafard:0.3
    fils_de_pute:0.65 fdp:0.65 pauvre_type:0.45 pauvre_con:0.6 branleur:0.5 branleurs:0.5 pauvre_merde:0.6 sous_merde:0.65 merdeux:0.45
    tocard:0.45 tocards:0.45 branquignol:0.4 branquignols:0.4 charlatan:0.4 charlatans:0.4 rat:0.35 une_merde:0.5 vraie_merde:0.5 sans_cervelle:0.4 rien_dans_le_crane:0.4 rien_dans_la_tete:0.4 sous_merdes:0.65 tete_de_con:0.5 tete_de_noeud:0.45 gros_con:0.55 trouduc:0.5 trou_du_cul:0.5 pignouf:0.35 blaireau:0.4 blaireaux:0.4 cassos:0.45
    teubé:0.45 teube:0.45 golmon:0.5 demeure:0.45 attarde:0.5 attardes:0.5 parasite:0.4 nullard:0.4 looser:0.35 loser:0.35
    pute:0.6 salope:0.65 salopes:0.65 putes:0.6 grognasse:0.55 pouffiasse:0.55 chienne:0.5 bitch:0.55 asshole:0.5`,
  disparaging: `nul:0.25 nulle:0.25 nuls:0.25 nulles:0.25 pourri:0.25 pourris:0.25 pourrie:0.25 daube:0.25 merdique:0.3
    minable:0.3 lamentable:0.25 pathetique:0.3 ridicule:0.2 honteux:0.2 naze:0.25 chiant:0.25 chiante:0.25
    stupide:0.3 stupides:0.3 bidon:0.2 foireux:0.25 degueulasse:0.3 degueu:0.25 immonde:0.3 inutile:0.15 inutiles:0.15 catastrophe:0.2 catastrophique:0.2 scandaleux:0.2 nullissime:0.3 arnaque:0.25 arnaques:0.25 une_honte:0.35 purge:0.2 quelle_blague:0.2`,
  profanity: `putain:0.25 merde:0.25 bordel:0.2 chier:0.3 fait_chier:0.3 foutre:0.3 ptn:0.25 bordel_de_merde:0.3 fuck:0.3
    shit:0.25 wtf:0.2 putain_de:0.3 nom_de_dieu:0.2 saloperie:0.3 chiotte:0.25 chiottes:0.25 emmerde:0.3 emmerdes:0.3`,
  dehumanising: `vermine:0.5 vermines:0.5 cafards:0.45 rats:0.4 parasites:0.45 sous_hommes:0.6 sous_homme:0.6 animaux:0.35
    sauvages:0.35 dechets:0.45 racaille:0.45 racailles:0.45 microbes:0.35 nuisibles:0.45 betes:0.3 singes:0.55`,
  slur: `pd:0.8 pede:0.85 pedes:0.85 tapette:0.75 tarlouze:0.85 gouine:0.85 bougnoule:0.9 bougnoules:0.9 negre:0.9 negres:0.9
    youpin:0.9 youpins:0.9 bamboula:0.85 bicot:0.9 bicots:0.9 niakoue:0.9 chinetoque:0.9 travelo:0.8 raton:0.85 ratons:0.85`,
  hostility: `merci_pour_rien:0.25 courir_sur_le_haricot:0.2 sur_les_nerfs:0.2 casse_les_pieds:0.2 cassent_les_pieds:0.2 tape_sur_les_nerfs:0.2 gonflent:0.2 marre:0.2 ras_le_bol:0.2 saoule:0.2 soule:0.2 gonfle:0.2 degoute:0.2 degoutes:0.2 honte_a_vous:0.3 j_en_ai_marre:0.2`,
});

const HARM_VERBS = 'tuer|buter|crever|defoncer|egorger|frapper|cramer|bruler|casser|niquer|eclater|planter|saigner|fumer|violer|tabasser|pendre|massacrer|exploser|aligner|degommer|poignarder|abattre|descendre|lyncher';

export const FRENCH_PATTERNS: PatternSet = {
  threat: [
    // Subject + future/modal + object pronoun + harm verb: "je vais te buter", "on va vous retrouver".
    new RegExp(`\\b(?:je|j'|on|nous|ils|j)\\s*(?:vais|va|allons|vont|veux|voudrais|peux|devrais|vai|viens|vient|venons|viendrai|reviens)?\\s*(?:venir\\s+)?(?:te|t'|vous|le|la|l'|les|lui)\\s*(?:${HARM_VERBS})\\b`),
    new RegExp(`\\b(?:je|on|nous)\\s+(?:vais|va|allons)\\s+(?:${HARM_VERBS})\\s+(?:ton|ta|tes|votre|vos|sa|son|ses|ta)\\b`),
    /\bsi je (?:te|vous|le|la) (?:croise|trouve|vois|chope|attrape)\b/,
    /\b(?:je|on) (?:vais|va|te|vous)\s*(?:te|vous)? ?(?:faire (?:la peau|regretter|payer|du mal|mal|bouffer)|pourrir la vie)\b/,
    /\b(?:finir|finiras|finirez|finira|terminer) (?:a l'hopital|au cimetiere|a la morgue|dans un (?:cercueil|fauteuil roulant))\b/,
    /\bavec (?:des|une|un|nos|mes) (?:battes?|couteaux?|flingues?|armes?|fusils?|barres? de fer)\b|\bune (?:bonne )?balle (?:et|dans)\b/,
    /\b(?:ta|votre|tes|vos) (?:famille|enfants|gosses|proches) (?:va|vont|allez) (?:payer|souffrir|regretter|morfler)\b/,
    /\b(?:devraient|doivent|faudrait les|faut les) (?:etre )?(?:rayes?|rayees?|effaces?|effacees?|elimines?|extermines?|gazes?) ?(?:de la carte|de la surface)?/,
    /\bj'espere que (?:tu|vous) (?:vas|allez|va) (?:crever|mourir|souffrir|y passer)\b|\b(?:mettre|foutre) le feu a (?:ta|ton|tes|votre|vos)\b/,
    new RegExp(`\\b(?:te|t'|vous|lui)\\s*(?:${HARM_VERBS}|casse|casser|pete|peter|refaire)\\s+(?:la gueule|la tete|les dents|les jambes|les genoux|les bras|les doigts|la nuque|la figure|le portrait)\\b`),
    /\b(?:je|on) (?:vais|va) (?:te|vous) (?:retrouver|trouver|chercher) et\b/,
    /\b(?:on|je) (?:sait|sais|connait|connais) ou (?:tu|vous|il|elle) (?:habite|habites|habitez|vis|vit|vivez|bosse|bosses|bossez|travaille|travailles|travaillez|dors)\b/,
    /\btu vas (?:le regretter|le payer|morfler|prendre cher|voir ce qui|crever|mourir)\b|\bvous allez (?:le regretter|le payer|morfler|prendre cher)\b/,
    /\bfais gaffe a (?:toi|ta gueule|tes fesses|ta famille|tes enfants|tes gosses)\b|\bfaites gaffe a vous\b/,
    /\b(?:tu merites|vous meritez|il merite|elle merite|ils meritent|elles meritent) (?:tous |toutes )?(?:de (?:crever|mourir|souffrir|bruler|pourrir|disparaitre)|une balle|qu'on te)\b/,
    /\b(?:j'ai|je connais|on a|on connait) (?:ton|votre) adresse\b|\bt'es (?:un homme )?mort\b(?! de)|\btu es (?:un homme )?mort\b(?! de)/,
    /\b(?:tu devrais|il faudrait te|faut te) (?:crever|mourir|etre pendu)\b/,
    /\bregler son compte\b|\bune balle dans (?:la|ta|sa) tete\b/,
    /\bil (?:faut|faudrait) (?:les|le|la|tous les) (?:tuer|buter|exterminer|eliminer|gazer|bruler|pendre|fusiller)\b/,
  ],
  selfHarm: [/\bsuicide[- ]?toi\b|\bva te (?:pendre|suicider|tuer|jeter)\b|\btue[- ]toi\b|\bva (?:crever|mourir)\b|(?:^|[.!,] )creve\b(?! de)|\bcreve en enfer\b/],
  harassment: [
    /\b(?:ferme|fermez) (?:ta|ta grande|votre|vos) (?:gueules?|bouches?)\b|\bta gueule\b|\bfermes?[- ]la\b|\bferme[- ]la\b|\btg\b/,
    /\bva (?:te faire (?:foutre|voir|enculer|mettre)|chier|niquer ta)\b|\ballez vous faire (?:foutre|voir)\b/,
    /\bdegage[rz]?\b|\b(?:va|allez) (?:au diable|en enfer)\b|\bcasse[- ]toi\b|\bcassez[- ]vous\b|\bbarre[- ]toi\b/,
    /\bpersonne (?:ne )?(?:t'aime|vous aime|t'a (?:demande|sonne)|vous a (?:demande|sonne))\b/,
    /\bretourne (?:dans ton pays|chez toi|dans ta|en afrique|au bled)\b|\brentre chez toi\b/,
    /\b(?:tu|vous) (?:me|nous) (?:degoutes?|degoutez|fais gerber|faites gerber|fais vomir|faites vomir)\b/,
    /\bnique (?:ta|ton|sa|vos|votre) (?:mere|race|pere|soeur)\b|\bntm\b/,
  ],
  // Single exasperation words ("marre", "ras le bol") are in the lexicon; these are the phrases only.
  hostility: [/\bj'en ai plein le dos\b|\bvous (?:me )?saoulez\b/],
};

/** Words that aim what follows at the reader: "t'es un…", "espèce de…", "sale…". */
export const FRENCH_SECOND_PERSON = new Set(['tu', 'es', "t'", 'te', 'toi', 'ta', 'ton', 'tes', 'vous', 'etes', 'vos', 'votre', 'espece', 'sale', 'sales', 'pauvre', 'gros', 'grosse', 'petit', 'petite']);
/** Copulas and "de" constructions that aim what follows at a third person: "X est un…", "connard de…". */
export const FRENCH_THIRD_PERSON = new Set(['est', 'sont', 'etait', 'etaient', 'ce', 'cet', 'cette', 'ces', 'quel', 'quelle', 'quels', 'quelles']);
/** Group address: "bande de…". */
export const FRENCH_GROUP = new Set(['bande', 'tas', 'ramassis', 'clique']);
export const FRENCH_NEGATIONS = new Set(['pas', 'jamais', 'ni', 'plus', 'aucun', 'aucune', 'non']);
/** Reported speech: "il m'a traité de connard". */
export const FRENCH_REPORTING = /\b(?:traite|traitee|traites|traitent|traiter|appele|appelee|appellent|insulte|insultee|insultent|dit que j'etais|m'a dit)\b(?:\s+[\w']+){0,3}\s*(?:de|d'|comme)?\s*$/;
