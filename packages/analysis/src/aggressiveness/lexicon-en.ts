/**
 * English aggressiveness lexicon and patterns, hand-built for Vigie (2026-11) from common insults,
 * threats and harassment formulas on English-speaking social networks ("stfu", "kys", "ur").
 * Patterns run on folded text. Weights are base strengths before targeting.
 */
import { buildLexicon, type Lexicon } from './lexicon';
import type { PatternSet } from './pattern-set';

export const ENGLISH_LEXICON: Lexicon = buildLexicon({
  insult: `idiot:0.4 idiots:0.4 moron:0.45 morons:0.45 imbecile:0.45 cretin:0.45 dumbass:0.5 dumbasses:0.5 asshole:0.55
    assholes:0.55 arsehole:0.55 jerk:0.35 jerks:0.35 loser:0.4 losers:0.4 clown:0.4 clowns:0.4 bastard:0.5 bastards:0.5
    scumbag:0.55 scum:0.55 dickhead:0.55 dick:0.45 prick:0.5 twat:0.55 wanker:0.55 douchebag:0.5 douche:0.45
    bitch:0.55 bitches:0.55 whore:0.65 slut:0.65 cunt:0.7 son_of_a_bitch:0.6 piece_of_shit:0.65 pos:0.5 motherfucker:0.65
    dipshit:0.5 numbnuts:0.45 halfwit:0.45 dimwit:0.45 buffoon:0.4 fool:0.3 fools:0.3 clowns:0.4 crook:0.45 crooks:0.45
    thief:0.4 thieves:0.4 liar:0.35 liars:0.35 scammer:0.45 scammers:0.45 fraud:0.4 frauds:0.4 incompetent:0.4
    imbeciles:0.45 cretins:0.45 incompetents:0.4 hypocrite:0.3 hypocrites:0.3 psycho:0.4 freak:0.4 creep:0.4 trash:0.4 garbage_human:0.6 lowlife:0.5 charlatan:0.4 charlatans:0.4 rat:0.35 piece_of_crap:0.55 brainless:0.4 pea_brain:0.4 nothing_in_your_skull:0.4 nothing_in_your_head:0.4 scumbags:0.55 bozo:0.4 bozos:0.4 dumbo:0.4 idiots:0.4`,
  disparaging: `stupid:0.3 dumb:0.3 pathetic:0.3 useless:0.2 worthless:0.35 crap:0.25 crappy:0.25 garbage:0.25 trash:0.25
    rubbish:0.2 lame:0.2 ridiculous:0.2 disgusting:0.3 terrible:0.15 awful:0.15 shitty:0.3 sucks:0.25 joke:0.2 such_a_pain:0.2 pain_in_the_ass:0.35 clueless:0.3 disgrace:0.35 lousy:0.25 scam:0.25 disaster:0.2 nightmare:0.15 nonsense:0.15`,
  profanity: `fuck:0.3 fucking:0.3 fucked:0.3 shit:0.25 damn:0.2 dammit:0.2 goddamn:0.25 crap:0.2 wtf:0.2 bullshit:0.3
    hell:0.1 piss:0.25 pissed:0.25 bloody:0.15 ffs:0.25 af:0.1 freaking:0.15 frickin:0.15`,
  dehumanising: `vermin:0.5 cockroaches:0.45 roaches:0.4 rats:0.4 parasites:0.45 subhuman:0.6 subhumans:0.6 animals:0.35
    savages:0.4 filth:0.4 infestation:0.45 vermins:0.5 apes:0.55 beasts:0.35 degenerates:0.45`,
  slur: `faggot:0.9 fag:0.85 retard:0.75 retards:0.75 retarded:0.7 tranny:0.85 nigger:0.95 nigga:0.6 kike:0.95 chink:0.9
    spic:0.9 wetback:0.9 dyke:0.8 gook:0.9 raghead:0.9 towelhead:0.9`,
  hostility: `what_the_hell:0.2 thanks_for_nothing:0.25 last_nerve:0.2 on_my_nerves:0.2 shame_on_you:0.3 sick_of:0.2 tired_of:0.2 fed_up:0.2 pisses_me_off:0.25 pissed_off:0.25 had_enough:0.2`,
});

const HARM_VERBS = 'kill|murder|hurt|beat|stab|shoot|burn|destroy|smash|punch|strangle|choke|rape|end|slit|break|bury|hang|torch|gut|wreck|lynch';

export const ENGLISH_PATTERNS: PatternSet = {
  threat: [
    // Modal or future + harm verb aimed at a person or what they own: "I'll kill you", "gonna burn your store".
    new RegExp(`\\b(?:i'?ll|i will|i'?m (?:going to|gonna)|im gonna|we'?ll|we will|we'?re (?:going to|gonna)|gonna|i'?d|i want to|i should|someone should|somebody should)\\s+(?:\\w+\\s+){0,3}?(?:${HARM_VERBS})\\s+(?:you|u|ya|him|her|them|ur|your|yourself|his|their|that)\\b`),
    new RegExp(`\\b(?:i'?ll|i will|i'?m (?:going to|gonna)|we'?ll|we will|gonna)\\s+(?:find|get|hunt)\\s+(?:you|u|ya|him|her|them)\\b(?:\\s+and\\b)?`),
    /\bbeat the (?:crap|shit|hell|living daylights) out of\b|\bkick (?:your|ur|his|her) ass\b|\bput (?:you|u) in (?:the|a) (?:ground|hospital|grave)\b/,
    /\b(?:we|i) know where (?:you|u|he|she|they) (?:live|lives|work|works|sleep|sleeps)\b/,
    /\byou'?(?:ll| will) (?:regret|pay for) (?:this|that|it)\b|\bwatch your back\b|\byou'?re (?:dead|next)\b|\byour days are numbered\b/,
    /\b(?:you|u|he|she|they) (?:all )?deserve(?:s)? to (?:die|suffer|burn|rot|be shot|be killed|be burned|be hanged)\b|\b(?:should|must) be (?:shot|killed|hanged|hung|executed)\b/,
    /\bif i (?:see|catch|find|meet) (?:you|u|him|her)\b/,
    /\b(?:you|u) should (?:just )?(?:die|be dead)\b|\bdeserves? a bullet\b|\byou'?(?:ll| will) pay (?:dearly|for (?:this|that))\b/,
    /\bi (?:have|got|know) (?:your|ur) (?:home )?address\b|\byou'?(?:re| are) (?:going to|gonna) regret\b|\bwatch out for your (?:family|kids|wife|husband|children)\b/,
    /\bteach (?:you|him|her|them|that [\w ]{1,30}) a lesson\b|\bdie in a fire\b/,
    /\bmake (?:you|u|him|her|them) (?:regret|pay|suffer)\b|\b(?:we'?re|i'?m|we are|i am) (?:going to|gonna) get (?:you|u|him|her|them)\b/,
    /\bend up (?:in (?:the |a )?(?:hospital|morgue|grave|coffin|wheelchair)|six feet under|dead)\b/,
    /\bwith (?:a |some |my |our )?(?:baseball bats?|bats|knives|knife|guns?|crowbars?|acid)\b|\b(?:one|a) bullet (?:and|in|for)\b/,
    /\byour (?:family|kids|children|wife|husband|mother|loved ones) (?:will|is going to|are going to|gonna) (?:pay|suffer|regret)\b/,
    /\b(?:should|must|need to|ought to) be (?:wiped (?:off|out)|eliminated|exterminated|erased|gassed|purged)\b/,
    /(?:^|[.!?] )(?:die|just die|drop dead)\b/,
    /\bi hope (?:you|u|he|she|they) (?:die|suffer|get (?:cancer|hit|killed|shot))\b|\bset (?:your|ur|his|her|their) [\w ]{1,20}on fire\b/,
  ],
  selfHarm: [/\bkill (?:yourself|urself|yourselves)\b|\bkys\b|\bgo (?:die|hang yourself)\b|\bhang yourself\b|\bdrink bleach\b|\bunalive yourself\b|\b(?:go )?jump off (?:a|the) (?:bridge|cliff|building|roof)\b/],
  harassment: [
    /\bshut (?:the fuck |the hell )?up\b(?! and take)|\bstfu\b|\bshut your (?:mouths?|faces?|traps?|pie ?holes?)\b/,
    /\bshove (?:it|that|this|your [\w ]{1,30}) up your (?:ass|arse)\b|\bup yours\b/,
    /\bgo fuck (?:yourself|urself|off)\b|\bfuck (?:you|u|off|ya)\b|\bscrew (?:you|u)\b|\bpiss off\b|\bget lost\b|\bf off\b/,
    /\b(?:nobody|no one|noone) (?:likes|loves|asked|cares about|wants) (?:you|u|ur|your)\b|\bnobody asked\b|\bno one asked\b/,
    /\bgo back to (?:your|ur|where you)\b/,
    /\bgo to hell\b|\bget off my (?:feed|page|timeline|post|lawn)\b/,
    /\b(?:you|u) (?:disgust|sicken) me\b|\b(?:you|u) make me sick\b/,
  ],
  // "sick of", "fed up" are in the lexicon; these are the phrases only.
  hostility: [/\b(?:you'?re|you are|u r) (?:so |really )?annoying\b/],
};

/** Words that aim what follows at the reader: "you're a…", "ur such a…". */
export const ENGLISH_SECOND_PERSON = new Set(['you', "you're", 'youre', 'ur', 'u', 'your', 'yo', 'ya', 'such', 'dirty', 'filthy', 'little', 'fat', 'lying']);
export const ENGLISH_THIRD_PERSON = new Set(['is', 'are', 'was', 'were', 'this', 'that', 'these', 'those', "he's", "she's", "they're", 'what']);
export const ENGLISH_GROUP = new Set(['bunch', 'pack', 'gang', 'load']);
export const ENGLISH_NEGATIONS = new Set(['not', "n't", 'no', 'never', "isn't", "aren't", "wasn't", "don't", "didn't", "doesn't", "'m not", "im not"]);
/** Reported speech: "he called me an idiot". */
export const ENGLISH_REPORTING = /\b(?:called|calling|calls|call)\b(?: [\w']+){0,3} ?(?:an? )?$|\b(?:said|told me) (?:i was|i'm|im)\b/;
