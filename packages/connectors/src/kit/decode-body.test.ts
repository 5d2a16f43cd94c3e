import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode-body';

describe('decodeBody', () => {
  it('decodes windows-1252 from the header, including € (wrong in Node 20 TextDecoder)', () => {
    const bytes = iconv.encode('Prix : 10 € — déjà vu', 'windows-1252');
    expect(decodeBody(bytes, 'application/rss+xml; charset=windows-1252')).toEqual({ text: 'Prix : 10 € — déjà vu', charset: 'windows-1252' });
  });

  it('reads the charset from the XML prolog when the header has none', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?><t>Élève à l\'école</t>', 'latin1');
    expect(decodeBody(bytes, 'text/xml').text).toContain("Élève à l'école");
  });

  it('reads iso-8859-15 (€ at 0xA4)', () => {
    expect(decodeBody(Buffer.from([0xa4]), 'text/plain; charset=iso-8859-15').text).toBe('€');
  });

  it('reads an HTML meta charset', () => {
    const bytes = iconv.encode('<html><head><meta charset="windows-1252"></head><body>Noël</body></html>', 'windows-1252');
    expect(decodeBody(bytes, 'text/html').text).toContain('Noël');
  });

  it('honours a UTF-8 byte-order mark over any declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Été', 'utf8')]);
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1')).toEqual({ text: 'Été', charset: 'utf-8' });
  });

  it('defaults to UTF-8', () => {
    expect(decodeBody(Buffer.from('Ça marche', 'utf8'))).toEqual({ text: 'Ça marche', charset: 'utf-8' });
  });

  it('recovers a body wrongly declared UTF-8 and says so', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="iso-8859-1"?><t>café</t>', 'latin1');
    const decoded = decodeBody(bytes, 'application/xml; charset=utf-8');
    expect(decoded.text).toContain('café');
    expect(decoded.warning).toBe('the body is not valid UTF-8 as declared; read as windows-1252');
  });

  it('falls back to UTF-8 for an unknown charset, with a warning', () => {
    const decoded = decodeBody(Buffer.from('ok'), 'text/xml; charset=x-klingon');
    expect(decoded).toMatchObject({ text: 'ok', charset: 'utf-8', warning: 'unknown charset "x-klingon", read as UTF-8' });
  });
});
