import type { PolicySection, PolicyVersion } from '../../shared/api/policies';
import { policyVersionId } from '../../shared/api/policies';
import { publishedText } from '../../shared/domain/policy-changes';
import { sha256Hex } from '../store/digest';
import { privacyPolicyText } from './privacy-policy-text';

/**
 * The policy as its text file has it, in numbered sections: the lines that stand alone as headings (short, no
 * full stop) open a section, the paragraphs under them are its text. The logo, the company line and the title
 * before the introduction are not part of any section; the introduction is section 1.
 */
export function splitPolicy(text: string): { title: string; sections: PolicySection[] } {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const titleIndex = blocks.indexOf('Datenschutzerklärung');
  const title = titleIndex >= 0 ? blocks[titleIndex] : 'Datenschutzerklärung';
  const isHeading = (block: string) => block.length < 80 && !/[.:!?]$/.test(block) && !block.includes('\n');
  const sections: { heading: string; paragraphs: string[] }[] = [{ heading: 'Einleitung', paragraphs: [] }];
  for (const block of blocks.slice(titleIndex + 1)) {
    if (isHeading(block)) sections.push({ heading: block, paragraphs: [] });
    else sections[sections.length - 1].paragraphs.push(block);
  }
  return {
    title,
    sections: sections.map((section, index) => ({
      id: `s-${index + 1}`,
      heading: `${index + 1}. ${section.heading}`,
      body: section.paragraphs.join('\n\n'),
    })),
  };
}

const cookies = {
  de: {
    title: 'Cookie-Hinweis',
    sections: [
      [
        'Was sind Cookies?',
        'Cookies sind kleine Textdateien, die Ihr Browser speichert. Wir verwenden sie, damit die Plattform funktioniert.',
      ],
      [
        'Notwendige Cookies',
        'Für die Anmeldung und Ihre Spracheinstellung setzen wir notwendige Cookies (Art. 6 Abs. 1 lit. b DSGVO, § 25 Abs. 2 TDDDG).',
      ],
      ['Analyse', 'Analyse-Cookies setzen wir nur mit Ihrer Einwilligung, die Sie jederzeit in den Einstellungen widerrufen können.'],
    ],
  },
  en: {
    title: 'Cookie notice',
    sections: [
      ['What are cookies?', 'Cookies are small text files your browser stores. We use them so that the platform works.'],
      ['Necessary cookies', 'For signing in and your language we set necessary cookies (Art. 6(1)(b) GDPR, § 25(2) TDDDG).'],
      ['Analytics', 'We set analytics cookies only with your consent, which you can withdraw at any time in the settings.'],
    ],
  },
} as const;

function published(
  document: PolicyVersion['document'],
  language: PolicyVersion['language'],
  title: string,
  sections: PolicySection[],
  effectiveAt: string,
): PolicyVersion {
  return {
    id: policyVersionId(document, language, 1),
    version: 1,
    updatedAt: effectiveAt,
    document,
    language,
    number: 1,
    basedOn: null,
    title,
    sections,
    changeSummary: 'Erste veröffentlichte Fassung',
    classification: null,
    dismissedHints: [],
    comments: [],
    status: 'published',
    authorId: 'stf_hartmann',
    approvedBy: 'stf_vogel',
    approvedAt: effectiveAt,
    effectiveAt,
    publishedAt: effectiveAt,
    sha256: sha256Hex(publishedText({ title, sections })),
    timeline: [
      { id: `seed-${document}-${language}-1`, at: effectiveAt, actor: 'stf_hartmann', kind: 'drafted', text: '' },
      { id: `seed-${document}-${language}-2`, at: effectiveAt, actor: 'platform', kind: 'published', text: '' },
    ],
  };
}

/** The published policies the demo platform starts with: the privacy policy (German) and the cookie notice. */
export function demoPolicies(): PolicyVersion[] {
  const privacy = splitPolicy(privacyPolicyText);
  const section = (pairs: readonly (readonly [string, string])[]) =>
    pairs.map(([heading, body], index) => ({ id: `s-${index + 1}`, heading: `${index + 1}. ${heading}`, body }));
  return [
    published('privacy', 'de', privacy.title, privacy.sections, '2025-05-01T00:00:00.000Z'),
    published('cookies', 'de', cookies.de.title, section(cookies.de.sections), '2025-05-01T00:00:00.000Z'),
    published('cookies', 'en', cookies.en.title, section(cookies.en.sections), '2025-05-01T00:00:00.000Z'),
  ];
}
