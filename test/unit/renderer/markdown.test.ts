// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../renderer/policies/markdown';

/** Payloads from the usual XSS cheat sheets, as a policy section could hold them. */
const corpus = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[klick](javascript:alert(1))',
  '[klick](JaVaScRiPt:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '![x](x" onerror="alert(1))',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '`<script>` in code is text: <b onmouseover=alert(1)>b</b>',
];

describe('policy text as Markdown', () => {
  it('renders the usual Markdown', () => {
    const html = renderMarkdown('## Ihre Rechte\n\nSie haben das **Recht** auf [Auskunft](https://example.org/art15).\n\n- eins\n- zwei');
    expect(html).toContain('<h2>Ihre Rechte</h2>');
    expect(html).toContain('<strong>Recht</strong>');
    expect(html).toContain('<a href="https://example.org/art15" rel="noopener noreferrer">Auskunft</a>');
    expect(html).toContain('<li>eins</li>');
  });

  it.each(corpus)('lets nothing executable through: %s', (payload) => {
    // What the page would hold: no element that runs or loads anything, no handler, no script link.
    const page = document.createElement('div');
    page.innerHTML = renderMarkdown(payload);
    for (const element of page.querySelectorAll('*')) {
      expect(['SCRIPT', 'IFRAME', 'FORM', 'INPUT', 'SVG', 'IMG', 'STYLE', 'OBJECT', 'EMBED', 'MATH']).not.toContain(
        element.tagName.toUpperCase(),
      );
      for (const attribute of element.attributes) {
        expect(attribute.name.toLowerCase()).not.toMatch(/^on|^style$|^srcdoc$/);
        expect(attribute.value.toLowerCase().replace(/\s/g, '')).not.toMatch(/^(javascript|data|vbscript):/);
      }
    }
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    expect(renderMarkdown('<b>fett</b>')).toContain('&lt;b&gt;fett&lt;/b&gt;');
  });
});
