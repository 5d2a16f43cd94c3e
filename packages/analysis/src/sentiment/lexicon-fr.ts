/**
 * French polarity lexicon, hand-built by the Vigie authors for social-media text (no external
 * source): accent-free lower-case forms, -3 (very negative) … +3 (very positive). Masculine
 * singular forms suffice for adjectives: the lookup also tries the word without its `e`, `s`,
 * `es`, `x` ending. Phrases (`pas terrible`, `pas mal`) are in `PHRASES_FR` and take precedence
 * over the negation of their last word.
 */
const WORDS = `
adorable 3 adore 3 adorer 3 adorons 3 aime 2 aimer 2 aimons 2 aiment 2 kiffe 3 kiffer 3 kif 2 bravo 3 merci 2 mercii 2
felicitation 3 felicitations 3 genial 3 geniale 3 super 2 top 2 excellent 3 parfait 3 magnifique 3 sublime 3 superbe 3
formidable 3 fantastique 3 incroyable 2 extraordinaire 3 merveilleux 3 merveille 3 splendide 3 fabuleux 3 epoustouflant 3
beau 2 belle 2 joli 2 jolie 2 bon 1 bonne 1 meilleur 2 mieux 1 bien 1 tbien 2 cool 2 sympa 2 sympathique 2 chouette 2
heureux 3 heureuse 3 content 2 contente 2 ravi 3 ravie 3 enchante 2 satisfait 2 fier 2 fiere 2 joie 3 bonheur 3 plaisir 2
amour 3 aimable 2 gentil 2 gentille 2 agreable 2 efficace 2 rapide 1 pratique 1 utile 1 facile 1 fiable 2 solide 1
reussi 2 reussite 3 succes 2 victoire 2 gagne 2 gagner 1 champion 2 record 1 progres 2 amelioration 2 ameliore 1
innovant 2 innovation 1 prometteur 2 encourageant 2 positif 2 positive 2 espoir 2 optimiste 2 confiance 1 soutien 1
hate 1 impatient 1 recommande 2 conseille 1 ouf 1 dingue 1 trop 0 grave 0 mdr 1 lol 1 ptdr 1 xd 1 haha 2 hahaha 2 hihi 1
chapeau 2 respect 2 classe 2 pepite 2 ideal 2 idealement 1 bienvenue 2 bienvenu 2 chance 2 bravissimo 3 vive 2 yes 2
gratuit 1 offert 1 cadeau 2 fete 2 festif 2 rire 1 sourire 2 beaute 2 doux 1 douce 1 calme 1 serein 2 paisible 2
propre 1 durable 1 vert 0 ecologique 1 renouvelable 1 sain 1 saine 1 securise 1 protege 1 sauver 1 sauve 1 aide 1
avantage 1 benefique 2 favorable 2 gain 1 economie 1 economies 1 valorise 1 celebre 1 celebrer 2 hommage 1 inspirant 2
nul -3 nulle -3 naze -3 nase -3 pourri -3 pourrie -3 horrible -3 affreux -3 atroce -3 catastrophe -3 catastrophique -3
desastre -3 desastreux -3 honte -3 honteux -3 scandale -3 scandaleux -3 inadmissible -3 inacceptable -3 lamentable -3
pathetique -3 minable -3 mediocre -2 decevant -2 decu -2 deception -2 decoit -2 dommage -1 triste -2 tristesse -2
malheureux -2 malheureusement -2 colere -3 enerve -2 enervant -2 agace -2 agacant -2 furieux -3 marre -3 ras-le-bol -3
relou -2 chiant -2 chiante -2 galere -2 galerer -2 gonflant -2 saoule -2 soule -2 insupportable -3 penible -2
mauvais -2 mauvaise -2 pire -3 mal -1 moche -2 laid -2 degueulasse -3 degueu -3 infect -3 immonde -3 ignoble -3
probleme -1 problemes -1 souci -1 soucis -1 bug -2 bugs -2 panne -2 plante -2 erreur -1 defaut -1 defaillance -2
arnaque -3 escroc -3 escroquerie -3 vol -2 voleur -3 voleurs -3 mensonge -2 menteur -3 mentir -2 ment -2 faux -1
inutile -2 incompetent -3 incompetence -3 lent -1 lenteur -2 cher -1 chere -1 hors-de-prix -2 retard -2 attente -1
peur -2 crainte -2 inquiet -2 inquietant -2 inquietude -2 danger -2 dangereux -2 menace -2 risque -1 risques -1
mort -2 morts -2 tue -2 tuer -3 meurtre -3 victime -2 victimes -2 attentat -3 terroriste -3 guerre -2 violence -3
crise -2 echec -2 echoue -2 perte -2 pertes -1 chute -1 recul -1 baisse -1 licenciement -2 chomage -2 faillite -3
pollution -2 pollue -2 polluant -2 toxique -2 destruction -2 detruit -2 menacees -2 extinction -2 rechauffement -1
abandon -2 abandonne -2 refus -1 refuse -1 interdit -1 supprime -1 suppression -1 punitive -1 condamne -2 accuse -2
stupide -3 idiot -3 debile -3 con -3 conne -3 connard -3 abruti -3 imbecile -3 ridicule -2 absurde -2 grotesque -2
fou 0 folle 0 bof -1 mouais -1 boring -1 ennuyeux -2 ennui -2 deprime -2 deprimant -2 fatigue -1 epuise -2 marre -2
degoute -3 degoutant -3 horreur -3 haine -3 hais -3 deteste -3 detester -3 pleurer -2 pleure -2 souffrance -3 mal-etre -2
injuste -2 injustice -3 inegalite -2 corruption -3 corrompu -3 magouille -3 mepris -2 arrogant -2 hypocrite -3 hypocrisie -3
menace -2 menacee -2 alerte -1 urgence -1 denonce -2 denoncer -2 critique -1 critiquer -1 polemique -1 bloque -1
greve -1 fermeture -1 blesse -2 blesses -2 incendie -2 secheresse -2 inondation -2 canicule -1 fuite -1 accident -2
radioactif -1 radioactivite -1 contamine -2 contamination -2 pesticide -1 pesticides -1 deforestation -2 braconnage -2
disparition -2 massacre -3 abattre -2 saccage -3 gaspillage -2 gaspiller -2 sacrifie -2 negligence -2 dechets -1
inquietantes -2 alarmant -2 grave 0 tragique -3 tragedie -3 drame -3 dramatique -2 terrible -2 pire -3 mensonger -2
solution 1 solutions 1 proteger 1 preserver 1 restaurer 1 economiser 1 gagnant 2 feliciter 2 felicite 2 salue 1
saluer 1 remercie 2 remercier 2 passionnant 2 rejouir 2 rejouis 2 rejouit 2 enthousiaste 2 enthousiasme 2 ambitieux 1
exemplaire 2 brillant 3 bravoure 2 genereux 2 generosite 2 solidaire 2 solidarite 2 partage 1 engage 1 engagement 1
avance 1 avancee 2 percee 2 revolution 1 revolutionnaire 2 prouesse 3 exploit 3 pionnier 2 leader 1 nouveau 0 lance 0
premiere 0 recompense 2 prime 1 laureat 2 primee 2 fute 1 malin 1 astucieux 2 ingenieux 2 intelligent 2 smart 1
injoignable -2 joignable 1 rembourse 1 remboursement 0 retarde -2 annule -2 annulation -1 perdu -2 casse -2 abime -2
rapide 1 soigne 2 impeccable 3 nickel 2 parfaitement 3 reactif 2 reactivite 2 efficacite 2 professionnel 2 serviable 2 accueillant 2
grr -2 argh -2 pff -2 pfff -2 rage -2 ragequit -2 wtf -2 fail -2 beurk -3 berk -3 aie -1 helas -2 zut -1 merde -3
`;

/** Multi-word expressions whose polarity is not the sum of their words. */
export const PHRASES_FR: ReadonlyArray<readonly [string, number]> = [
  ['pas terrible', -2], ['pas top', -2], ['pas genial', -2], ['pas fou', -1.5], ['pas ouf', -2], ['pas folichon', -2],
  ['pas mal', 1.5], ['pas de souci', 1], ['pas de soucis', 1], ['pas de probleme', 1], ['sans probleme', 1],
  ['sans souci', 1], ['trop bien', 3], ['trop bon', 3], ['trop cool', 3], ['c est top', 2], ['au top', 3],
  ['de rien', 1], ['bon courage', 1], ['bonne journee', 2], ['bonne chance', 2], ['coup de coeur', 3],
  ['n importe quoi', -2], ['foutage de gueule', -3], ['ras le bol', -3], ['en avoir marre', -3], ['mal a l aise', -2],
  ['bonne nouvelle', 3], ['mauvaise nouvelle', -3], ['a chier', -3], ['a vomir', -3], ['pas content', -2], ['pas contente', -2], ['plus jamais', -2], ['mise en danger', -2],
];

export const LEXICON_FR: ReadonlyMap<string, number> = new Map(
  WORDS.trim()
    .split(/\s+/)
    .reduce<Array<[string, number]>>((pairs, item, index, all) => {
      if (index % 2 === 0) pairs.push([item, Number(all[index + 1])]);
      return pairs;
    }, []),
);
