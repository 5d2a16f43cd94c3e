import iconv from 'iconv-lite';

/**
 * A body as text, and how it was decoded.
 *
 * @example
 * { text: '<rss>…€…</rss>', charset: 'windows-1252' }
 */
export interface DecodedBody {
  text: string;
  /** The charset actually used (lower case). */
  charset: string;
  /** Set when the declared charset was unknown or wrong and another was used instead. */
  warning?: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function fromBom(buffer: Buffer): string | undefined {
  return BOMS.find(([bytes]) => bytes.every((byte, i) => buffer[i] === byte))?.[1];
}

function fromContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}

/** Charset named in an XML prolog or an HTML meta, read from the first bytes as ASCII. */
function fromDocument(buffer: Buffer): string | undefined {
  const head = buffer.subarray(0, 2048).toString('latin1');
  return (
    head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i)?.[1] ??
    head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1]
  );
}

function normalise(label: string): string {
  const lower = label.trim().toLowerCase();
  // Browsers and feeds treat these as windows-1252; it is a superset for printable text.
  if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'us-ascii' || lower === 'ascii') return 'windows-1252';
  if (lower === 'utf8') return 'utf-8';
  return lower;
}

function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/**
 * Decodes a response body: byte-order mark first, then the `Content-Type` charset, then the XML
 * prolog or HTML meta, else UTF-8. Legacy encodings go through iconv-lite because Node 20's
 * TextDecoder maps windows-1252 0x80 to U+0080 instead of €. A body declared UTF-8 that is not
 * valid UTF-8 is re-read with the document's own declaration or windows-1252, with a warning.
 *
 * @example
 * decodeBody(Buffer.from([0x80]), 'text/xml; charset=windows-1252').text; // '€'
 */
export function decodeBody(buffer: Buffer, contentType?: string): DecodedBody {
  const bom = fromBom(buffer);
  if (bom !== undefined) return { text: iconv.decode(buffer, bom), charset: bom };
  const declared = fromContentType(contentType) ?? fromDocument(buffer);
  let charset = declared === undefined ? 'utf-8' : normalise(declared);
  let warning: string | undefined;
  if (!iconv.encodingExists(charset)) {
    warning = `unknown charset "${declared ?? ''}", read as UTF-8`;
    charset = 'utf-8';
  }
  if (charset === 'utf-8' && !isValidUtf8(buffer)) {
    const inDocument = fromDocument(buffer);
    const alternative = inDocument !== undefined && iconv.encodingExists(normalise(inDocument)) && normalise(inDocument) !== 'utf-8' ? normalise(inDocument) : 'windows-1252';
    warning = `the body is not valid UTF-8 as declared; read as ${alternative}`;
    charset = alternative;
  }
  return warning === undefined ? { text: iconv.decode(buffer, charset), charset } : { text: iconv.decode(buffer, charset), charset, warning };
}
