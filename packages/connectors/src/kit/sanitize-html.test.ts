import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';
import { sanitizeHtml } from './sanitize-html';

describe('sanitizeHtml', () => {
  it('removes scripts, styles and event handlers', () => {
    const out = sanitizeHtml('<p onclick="steal()" style="color:red">Salut<script>alert(1)</script><style>p{}</style></p>');
    expect(out).toBe('<p>Salut</p>');
  });

  it('drops javascript: and data: URLs', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).not.toContain('javascript');
    expect(sanitizeHtml('<a href="JaVaScRiPt&#58;alert(1)">x</a>')).not.toMatch(/javascript/i);
    expect(sanitizeHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">')).not.toContain('data:');
  });

  it('marks links nofollow noopener noreferrer', () => {
    expect(sanitizeHtml('<a href="https://ex.example/" rel="opener">lien</a>')).toBe(
      '<a href="https://ex.example/" rel="nofollow noopener noreferrer" target="_blank">lien</a>',
    );
  });

  it('removes iframes, forms, svg and their contents', () => {
    const out = sanitizeHtml('<iframe src="https://evil.example"></iframe><form><input name=a></form><svg onload=alert(1)><circle/></svg><em>ok</em>');
    expect(out).toBe('<em>ok</em>');
  });

  it('keeps ordinary formatting', () => {
    expect(sanitizeHtml('<p>Un <strong>bon</strong> <em>produit</em></p><ul><li>a</li></ul>')).toBe('<p>Un <strong>bon</strong> <em>produit</em></p><ul><li>a</li></ul>');
  });
});

describe('htmlToText', () => {
  it('decodes entities and keeps paragraphs apart', () => {
    expect(htmlToText('<p>Caf&eacute; <b>cr&egrave;me</b></p><p>Deux&nbsp;&amp; trois</p>')).toBe('Café crème\nDeux & trois');
  });

  it('drops script and style contents', () => {
    expect(htmlToText('<style>.a{}</style>Bonjour<script>alert("x")</script> monde')).toBe('Bonjour monde');
  });

  it('leaves plain text with < and & readable', () => {
    expect(htmlToText('1 &lt; 2 &amp;&amp; 3 &gt; 2')).toBe('1 < 2 && 3 > 2');
  });
});
