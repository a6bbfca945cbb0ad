import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Markdown as a policy reader sees it. Raw HTML in the text is shown as text, never interpreted; what marked
 * makes is sanitised again by DOMPurify (links only to http, https and mailto), so no script, handler or
 * frame reaches the page whatever a section contains.
 */
const markdown = new Marked({
  async: false,
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

const allowedLink = /^(https?:|mailto:|#)/i;

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** One sanitiser for the page, with its link rule (made on first use: it needs the window). */
function purify() {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.hasAttribute('href') && !allowedLink.test(node.getAttribute('href') ?? '')) node.removeAttribute('href');
    if (node.tagName === 'A') node.setAttribute('rel', 'noopener noreferrer');
  });
  return purifier;
}

export function renderMarkdown(text: string): string {
  const html = markdown.parse(text, { async: false }) as string;
  return purify().sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'iframe', 'img'] });
}
