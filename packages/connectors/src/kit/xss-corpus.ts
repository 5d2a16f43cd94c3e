/**
 * XSS payloads for tests, by family (after the OWASP XSS filter evasion cheat sheet): every
 * place that takes text or HTML from outside (feeds, the webhook intake, file imports) is fed
 * each one, and what comes out must carry no executable markup and no non-http(s) link.
 *
 * `keep`: a word of visible text the payload carries, which must survive as text (sanitising
 * must not eat the content around the markup). Absent when the word sits inside an unclosed
 * raw-text element (style, noscript), where a browser would not show it either.
 *
 * @example
 * for (const p of XSS_CORPUS) expect(findExecutableMarkup(sanitizeHtml(p.payload))).toEqual([]);
 */
export interface XssPayload {
  family: string;
  payload: string;
  keep?: string;
}

export const XSS_CORPUS: readonly XssPayload[] = [
  // script tags
  { family: 'script', payload: '<script>alert(1)</script>Bonjour', keep: 'Bonjour' },
  { family: 'script', payload: '<ScRiPt>alert(1)</sCrIpT>Salut', keep: 'Salut' },
  { family: 'script', payload: '<script src="https://xss.example/x.js"></script>Texte', keep: 'Texte' },
  { family: 'script', payload: '<<script>alert(1);//<</script>Avant', keep: 'Avant' },
  { family: 'script', payload: '<script/xss src="https://xss.example/x.js"></script>Barre', keep: 'Barre' },
  { family: 'script', payload: '<scr<script>ipt>alert(1)</scr</script>ipt>Imbrique', keep: 'Imbrique' },
  // event handlers
  { family: 'event', payload: '<img src=x onerror=alert(1)>Image', keep: 'Image' },
  { family: 'event', payload: '<IMG SRC=x OnErRoR="alert(1)">Casse', keep: 'Casse' },
  { family: 'event', payload: '<body onload=alert(1)>Corps', keep: 'Corps' },
  { family: 'event', payload: '<div onmouseover="alert(1)">Survol</div>', keep: 'Survol' },
  { family: 'event', payload: '<p/onclick=alert(1)>Slash</p>', keep: 'Slash' },
  { family: 'event', payload: '<details open ontoggle=alert(1)>Details</details>', keep: 'Details' },
  { family: 'event', payload: '<input autofocus onfocus=alert(1)>Focus', keep: 'Focus' },
  { family: 'event', payload: '<video><source onerror="alert(1)">Video', keep: 'Video' },
  { family: 'event', payload: '<xss onpointerenter=alert(1)>Inconnu</xss>', keep: 'Inconnu' },
  // javascript:, vbscript:, data: URLs
  { family: 'url', payload: '<a href="javascript:alert(1)">Lien</a>', keep: 'Lien' },
  { family: 'url', payload: '<a href="JaVaScRiPt:alert(1)">Mixte</a>', keep: 'Mixte' },
  { family: 'url', payload: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">Entites</a>', keep: 'Entites' },
  { family: 'url', payload: '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">Hexa</a>', keep: 'Hexa' },
  { family: 'url', payload: '<a href="jav&#x09;ascript:alert(1)">Tab</a>', keep: 'Tab' },
  { family: 'url', payload: '<a href=" &#14;  javascript:alert(1)">Espaces</a>', keep: 'Espaces' },
  { family: 'url', payload: '<a href="vbscript:msgbox(1)">VB</a>', keep: 'VB' },
  { family: 'url', payload: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Data</a>', keep: 'Data' },
  { family: 'url', payload: '<img src="javascript:alert(1)" alt="Alt">Img', keep: 'Img' },
  { family: 'url', payload: '<a href="//xss.example/">Relatif</a>', keep: 'Relatif' },
  // SVG and MathML
  { family: 'svg', payload: '<svg onload=alert(1)>Svg</svg>Apres', keep: 'Apres' },
  { family: 'svg', payload: '<svg><script>alert(1)</script></svg>Script', keep: 'Script' },
  { family: 'svg', payload: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>Xlink', keep: 'Xlink' },
  { family: 'svg', payload: '<svg><animate onbegin=alert(1) attributeName=x dur=1s>Anim', keep: 'Anim' },
  { family: 'mathml', payload: '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">Math</maction></math>', keep: 'Math' },
  { family: 'mathml', payload: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>Mxss' },
  // style and expressions
  { family: 'style', payload: '<div style="background:url(javascript:alert(1))">Fond</div>', keep: 'Fond' },
  { family: 'style', payload: '<div style="width: expression(alert(1))">Expression</div>', keep: 'Expression' },
  { family: 'style', payload: '<style>@import "https://xss.example/x.css";</style>Import', keep: 'Import' },
  { family: 'style', payload: '<link rel="stylesheet" href="javascript:alert(1)">Feuille', keep: 'Feuille' },
  // malformed tags
  { family: 'malformed', payload: '<IMG """><SCRIPT>alert(1)</SCRIPT>">Guillemets', keep: 'Guillemets' },
  { family: 'malformed', payload: '<img src="x` `<script>alert(1)</script>"` `>Accent', keep: 'Accent' },
  { family: 'malformed', payload: '<a href="https://ok.example/" onclick=alert(1)//>Fin', keep: 'Fin' },
  { family: 'malformed', payload: '<!--<img src="--><img src=x onerror=alert(1)//">Commentaire', keep: 'Commentaire' },
  { family: 'malformed', payload: '<![CDATA[<script>alert(1)</script>]]>Cdata', keep: 'Cdata' },
  // unicode and escapes
  { family: 'unicode', payload: '<a href="\u006A\u0061vascript:alert(1)">Unicode</a>', keep: 'Unicode' },
  { family: 'unicode', payload: '<a href="java\u0000script:alert(1)">Nul</a>', keep: 'Nul' },
  { family: 'unicode', payload: '<img src=x onerror="\\u0061lert(1)">Echappe', keep: 'Echappe' },
  // frames, meta, forms, objects
  { family: 'frame', payload: '<iframe srcdoc="<script>alert(1)</script>"></iframe>Srcdoc', keep: 'Srcdoc' },
  { family: 'frame', payload: '<iframe src="javascript:alert(1)"></iframe>Cadre', keep: 'Cadre' },
  { family: 'frame', payload: '<frameset><frame src="javascript:alert(1)"></frameset>Frameset', keep: 'Frameset' },
  { family: 'meta', payload: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">Refresh', keep: 'Refresh' },
  { family: 'meta', payload: '<base href="javascript:alert(1)//">Base', keep: 'Base' },
  { family: 'form', payload: '<form action="javascript:alert(1)"><button>Envoyer</button></form>Formulaire', keep: 'Formulaire' },
  { family: 'form', payload: '<button formaction="javascript:alert(1)">Bouton</button>', keep: 'Bouton' },
  { family: 'object', payload: '<object data="javascript:alert(1)"></object>Objet', keep: 'Objet' },
  { family: 'object', payload: '<embed src="data:text/html,<script>alert(1)</script>">Embed', keep: 'Embed' },
  { family: 'template', payload: '<template><img src=x onerror=alert(1)></template>Modele', keep: 'Modele' },
  { family: 'noscript', payload: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">Noscript' },
];

/**
 * What in an HTML string would run in a browser: script-capable elements, event-handler
 * attributes, style attributes, and URL attributes whose scheme is not http(s)/mailto (after
 * entity decoding; relative ones too: they would point into Vigie itself). Empty when the string is inert.
 *
 * @example
 * findExecutableMarkup('<a href="javascript:x">a</a>'); // ['href="javascript:x"']
 */
export function findExecutableMarkup(html: string): string[] {
  const found: string[] = [];
  // Paranoid on purpose: every `<` opens a tag up to the next `<` or `>`, quotes or not, the way a
  // lenient parser might read malformed markup. Sanitised output escapes `<` in text and values.
  const tag = /<\s*\/?\s*([a-zA-Z][\w:-]*)([^<>]*)/g;
  const dangerousElements = /^(?:script|iframe|frame|frameset|object|embed|applet|svg|math|style|link|meta|base|form|button|input|textarea|select|template|noscript|xmp|plaintext|isindex|animate|set|use|foreignobject)$/i;
  for (const [whole, name = '', attributes = ''] of html.matchAll(tag)) {
    if (dangerousElements.test(name)) found.push(whole);
    for (const [attr] of attributes.matchAll(/(?:^|[\s"'/`])(?:on[a-z]+|style|srcdoc|formaction)\s*=/gi)) found.push(attr.trim());
    const urlAttribute = /(?:^|[\s"'/`])(?:href|src|action|data|xlink:href|background|poster|lowsrc|dynsrc)\s*=\s*("[^"]*"?|'[^']*'?|[^\s>]+)/gi;
    for (const [attr, rawValue = ''] of attributes.matchAll(urlAttribute)) {
      const value = stripInvisible(decodeEntities(rawValue.replace(/^["']|["']$/g, '')));
      if (!/^(?:https?:\/\/|mailto:)/i.test(value)) found.push(attr.trim());
    }
  }
  return found;
}

/** True when a link is absent or an absolute http(s) URL. */
export function isWebLink(url: unknown): boolean {
  if (url === undefined || url === null) return true;
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

/** Browsers ignore ASCII control characters and whitespace inside a scheme. */
function stripInvisible(value: string): string {
  return [...value].filter((char) => char.charCodeAt(0) > 0x20).join('');
}
