/**
 * Cue lists for the "should we respond?" recommendation, French and English, folded (lower case,
 * no accents); a trailing `*` matches any ending. Each list is one kind of evidence: what must go
 * up the chain (safety, legal, press, data leak, staff misconduct), what needs the customer's
 * account, what is bait, spam or off-topic, and what is praise or a comparison with a competitor.
 */

export const SAFETY_CUES = [
  'pris feu', 'prend feu', 'incendie', 'brule*', 'bruler', 'explose*', 'explosion', 'intoxique*', 'intoxication', 'urgences', 'hopital',
  'hospitalise*', 'blesse*', 'blessure*', 'chute', 'chute dans', 'j\'ai chute', 'allergique', 'reaction allergique', 'morceau de verre',
  'bout de verre', 'moisissure*', 'etincelle*', 'a fondu', 'fondu', 'failli renverser', 'dangereux', 'danger', 'etouffe*',
  'caught fire', 'on fire', 'burned', 'burnt', 'burns', 'explode*', 'explosion', 'food poisoning', 'poisoned', 'the er', 'emergency room',
  'hospital*', 'injur*', 'i crashed', 'crashed', 'allergic reaction', 'piece of glass', 'glass in', 'mould', 'mold', 'sparks', 'melted',
  'nearly hit', 'almost hit', 'dangerous', 'choking', 'choked', 'empoisonne*', 'poisoned by', 'veterinaire', 'the vet', 's\'est detache*', 'came loose', 's\'est coupe*', 'me suis coupe*', 'du sang', 'saigne*', 'cut herself',
  'cut himself', 'cut myself', 'blood', 'bleeding',
];

export const LEGAL_CUES = [
  'avocat*', 'porter plainte', 'porte plainte', 'plainte', 'tribunal', 'mise en demeure', 'en justice', 'proces', 'huissier', 'dgccrf',
  'assignation', 'audience est fixee', 'ufc-que choisir', 'ufc', 'que choisir', 'recommande avec', 'courrier recommande', 'escroquerie', 'saisir la justice', 'je saisis',
  'lawyer*', 'attorney*', 'sue', 'suing', 'lawsuit', 'court', 'small claims', 'final notice', 'legal action', 'trading standards', 'ftc',
  'registered letter', 'fraud complaint', 'filing a complaint', 'solicitor*', 'been served', 'the hearing', 'summons',
];

export const PRESS_CUES = [
  'journaliste', 'redaction', 'je prepare un article', 'pour un article', 'une reaction sur', 'pouvez-vous commenter', 'interview',
  'reportage', 'documentaire', 'vous interroger', 'souhaiterait vous', 'france info', 'le parisien', 'liberation', 'le monde', 'le figaro',
  'journalist', 'reporter', 'newsroom', 'writing a story', 'for a story', 'any comment', 'can you comment', 'with the bbc', 'at the guardian',
  'at the ft', 'documentary', 'would like to interview', 'interview you', 'making a programme', 'making a program',
];

export const DATA_LEAK_CUES = [
  'fuite de donnees', 'donnees clients', 'vos donnees', 'donnees personnelles', 'piratage', 'pirate*', 'sms frauduleux',
  'data leak', 'data breach', 'customer data', 'hacked', 'scam texts', 'phishing',
];

export const MISCONDUCT_CUES = [
  'agresse*', 'agression', 'harcele*', 'harcelement', 'frappe', 'a frappe', 'insultee', 'insulte par', 'raciste',
  'verbally abused', 'abused me', 'harassed', 'harassment', 'punched', 'hit my', 'assaulted', 'racist',
];

/** Account nouns: with a possessive ("ma commande", "my order") the answer needs the customer's account. */
export const ACCOUNT_NOUNS_FR = [
  'commande', 'colis', 'compte', 'espace client', 'abonnement', 'forfait', 'facture', 'remboursement', 'carte de fidelite', 'points',
  'avoir', 'contrat', 'prelevement', 'paiement', 'livraison', 'dossier', 'reclamation', 'acompte', 'numero client', 'retour',
];
export const ACCOUNT_NOUNS_EN = [
  'order', 'parcel', 'package', 'account', 'customer account', 'subscription', 'plan', 'bill', 'invoice', 'refund', 'loyalty', 'points',
  'credit', 'contract', 'payment', 'delivery', 'case', 'complaint', 'deposit', 'customer number', 'return',
];
export const ACCOUNT_EVENTS = [
  'preleve*', 'debite*', 'facture deux fois', 'on m\'a facture', 'vous m\'avez facture', 'm\'a ete facture', 'sans mon accord', 'rappelez-moi',
  'encaisse*', 'on m\'a change', 'sans me prevenir', 'without telling me', 'j\'ai commande', 'j\'ai passe commande', 'j\'ai paye',
  'charged', 'billed', 'you billed me', 'call me back', 'without my consent', 'i ordered', 'i placed an order', 'i paid', 'you took my',
];

export const BAIT_CUES = [
  'viens te battre', 'venez vous battre', 'allez venez', 'je vous attends', 'je t\'attends', 'repondez si', 'reponds si', 'si vous avez du courage',
  'si t\'as du courage', 'si tu as du courage', 't\'es nul', 'ratio', 'fais-nous rire', 'faites-nous rire', 'qui ose', 'boycott', 'woke',
  'le cm', 'community manager de', 'payé combien', 'paye combien', 'robot ou quoi', 'viens en dm', 'ta gueule', 'je vais spammer',
  'come at me', 'answer if', 'if you\'ve got the guts', 'if you have the guts', 'i\'m waiting', 'who dares', 'make us laugh', 'go on,',
  'you fell off', 'nobody likes you', 'social media intern', 'social media guy', 'social media person', 'bot or what', 'shut up',
  'come to my dms', 'going to spam', 'canned reply', 'rt si', 'rt if', 'like si', 'like if', 'deteste cette marque', 'detestes cette marque',
  'hate this brand', 'qui est d\'accord', 'who agrees', 'il a peur', 'scared or what', 'peur ou quoi',
];

export const SPAM_CUES = [
  'gagnez', 'gagner un', 'cliquez ici', 'gratuit', 'bitcoin*', 'crypto*', 'telegram', 't.me', 'suivez-moi', 'je vous suis en retour',
  'abonnez-vous a ma', 'ma chaine', 'lien en bio', 'argent facile', 'par mois depuis chez vous',
  'make money', 'earn', 'click here', 'free iphone', 'win a free', 'follow me', 'follow back', 'f4f', 'subscribe to my', 'link in bio',
  'a month from home', 'easy money', 'abonne-toi', 'follow my', 'mon compte insta', 'my insta', 'codes promo gratuits',
  'free promo codes', 'je gagne', 'cette astuce', 'i make', 'this trick', 'bit.ly', 'tinyurl',
];

/** Subjects with nothing to do with a brand's customers. */
export const OFF_TOPIC_CUES = [
  'le match', 'quel but', 'la serie', 'dernier episode', 'vive les vacances', 'bonnes vacances', 'le gouvernement', 'la politique',
  'election*', 'le president', 'bonne annee', 'joyeux noel', 'bonnes fetes', 'qui joue', 'joue a', 'fortnite',
  'the game', 'what a goal', 'the show', 'latest episode', 'happy holidays', 'the government', 'the president', 'politics',
  'anyone playing', 'happy new year', 'merry christmas', 'who\'s playing',
];

export const PRAISE_CUES = [
  'merci', 'bravo', 'super', 'genial', 'geniale', 'top', 'au top', 'adore', 'j\'adore', 'parfait', 'parfaite', 'nickel', 'recommande',
  'fan de', 'plaisir', 'regal', 'excellent', 'excellente', 'satisfait*', 'contente', 'content', 'ravi', 'ravie', 'sympa', 'meilleur',
  'felicitations', 'sauve la mise', 'bonne continuation', 'tellement bon', 'impeccable', 'chapeau', 'ravis',
  'thanks', 'thank you', 'love', 'great', 'brilliant', 'perfect', 'amazing', 'congrats', 'congratulations', 'recommend', 'shout out',
  'happy', 'lovely', 'best', 'kudos', 'well done', 'a treat', 'hilarious', 'fan of', 'a pleasure', 'saved the day', 'keep it up', 'so kind',
  'appreciated', 'everything\'s perfect', 'sorted', 'happy 20th', 'spotless', 'hats off', 'thrilled',
];

/** Complaint words: praise next to them is a grievance, not a compliment. */
export const COMPLAINT_CUES = [
  'pas content', 'pas contente', 'decu', 'decue', 'nul', 'panne', 'plante', 'bug', 'retard', 'lent', 'impossible', 'toujours pas', 'jamais',
  'probleme', 'dommage', 'pas pratique', 'pas clair*', 'pas tres', 'encore une',
  'so bad', 'not happy', 'disappointed', 'terrible', 'outage', 'crash*', 'slow', 'can\'t', 'still no', 'never', 'problem', 'shame', 'confusing',
  'isn\'t', 'aren\'t', 'another', 'me deconnecte', 'ne marche plus', 'ne fonctionne plus', 'marche pas', 'logging me out', 'keeps',
  'stopped working', 'doesn\'t work', 'not working',
];

/** Concrete problems: an insult next to one of them is an angry customer, not a troll. */
export const GRIEVANCE_CUES = [
  'panne', 'retard', 'bug', 'colis', 'commande*', 'livraison*', 'rembourse*', 'facture*', 'appli', 'application', 'toujours pas', 'pas recu', 'casse', 'defectueux',
  'attente', 'service client', 'sav', 'outage', 'late', 'refund*', 'parcel*', 'waiting', 'on hold', 'customer service', 'app', 'invoice*', 'order', 'delivery', 'bill', 'still no', 'never arrived', 'broken', 'faulty', 'crash*',
];

/** A comparison with someone else's offer. */
export const COMPETITOR_CUES = [
  'mieux chez', 'moins cher chez', 'moitie prix', 'pour moins cher', 'fait la meme chose', 'c\'est mieux chez', 'chez free', 'entre vous et', 'plus cher que', 'vous avez quoi de plus', 'vous avez quoi de mieux',
  'is better', 'cheaper', 'half the price', 'half price', 'does the same', 'between you and', 'on top?', 'what do you do better', 'what do you offer',
];

/** "mes 80 000 abonnés", "my 80,000 followers": an accusation broadcast to a large audience. */
export const AUDIENCE = /\b(?:mes|my)\s+(\d{1,3}(?:[ ,.\u202f]?\d{3})*|\d+\s?k)\s+(?:abonnes|followers|subscribers|abonnes)\b/;

/** Laughter: with a complaint word and no concrete grievance, mockery rather than a report. */
export const LAUGHTER = /\b(?:l+o+l+|lmf?a+o+|mdr+|ptdr+|xd|haha+)\b/;

/** "How do I…" questions stay public even about one's own account: the answer helps everyone. */
export const HOW_TO = /^\W*(?:(?:bonjour|hello|hi|salut)\W+)?(?:how (?:do|can|should) i|comment (?:on|je|faire|puis-je))\b/;
