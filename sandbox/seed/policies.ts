import type { PolicySection, PolicyVersion } from '../../shared/api/policies';
import { policyVersionId } from '../../shared/api/policies';
import { publishedText } from '../../shared/domain/policy-changes';
import { sha256Hex } from '../store/digest';
import { privacyPolicyText, privacyPolicyTextEn } from './privacy-policy-text';

/**
 * The policy as its text file has it, in numbered sections: the lines that stand alone as headings (short, no
 * full stop) open a section, the paragraphs under them are its text. The logo, the company line and the title
 * before the introduction are not part of any section; the introduction is section 1.
 */
export function splitPolicy(
  text: string,
  words: { title: string; introduction: string } = { title: 'Datenschutzerklärung', introduction: 'Einleitung' },
): { title: string; sections: PolicySection[] } {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const titleIndex = blocks.indexOf(words.title);
  const title = titleIndex >= 0 ? blocks[titleIndex] : words.title;
  const isHeading = (block: string) => block.length < 80 && !/[.:!?]$/.test(block) && !block.includes('\n');
  const sections: { heading: string; paragraphs: string[] }[] = [{ heading: words.introduction, paragraphs: [] }];
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
      [
        'Eingebettete Lernvideos',
        'Lernvideos spielen wir über Streamcraft Video, Inc. (New York, USA) ab. Erst wenn Sie ein Video starten, setzt Streamcraft Cookies und erhält Ihre IP-Adresse sowie Geräte- und Wiedergabedaten. Die Übermittlung in die USA stützt sich auf den Angemessenheitsbeschluss zum EU-US Data Privacy Framework (Art. 45 DSGVO).',
      ],
    ],
  },
  en: {
    title: 'Cookie notice',
    sections: [
      ['What are cookies?', 'Cookies are small text files your browser stores. We use them so that the platform works.'],
      ['Necessary cookies', 'For signing in and your language we set necessary cookies (Art. 6(1)(b) GDPR, § 25(2) TDDDG).'],
      ['Analytics', 'We set analytics cookies only with your consent, which you can withdraw at any time in the settings.'],
      [
        'Embedded learning videos',
        'We play learning videos through Streamcraft Video, Inc. (New York, USA). Only when you start a video does Streamcraft set cookies and receive your IP address and device and playback data. The transfer to the USA rests on the adequacy decision for the EU-US Data Privacy Framework (Art. 45 GDPR).',
      ],
    ],
  },
} as const;

interface Published {
  document: PolicyVersion['document'];
  language: PolicyVersion['language'];
  number: number;
  title: string;
  sections: PolicySection[];
  effectiveAt: string;
  changeSummary: string;
  classification?: PolicyVersion['classification'];
  superseded?: boolean;
}

function published(p: Published): PolicyVersion {
  const id = policyVersionId(p.document, p.language, p.number);
  const approvedAt = new Date(Date.parse(p.effectiveAt) - 45 * 86_400_000).toISOString();
  return {
    id,
    version: 1,
    updatedAt: p.effectiveAt,
    document: p.document,
    language: p.language,
    number: p.number,
    basedOn: p.number > 1 ? p.number - 1 : null,
    title: p.title,
    sections: p.sections,
    changeSummary: p.changeSummary,
    classification: p.classification ?? null,
    dismissedHints: [],
    comments: [],
    status: p.superseded ? 'superseded' : 'published',
    authorId: 'stf_hartmann',
    approvedBy: 'stf_vogel',
    approvedAt,
    effectiveAt: p.effectiveAt,
    publishedAt: p.effectiveAt,
    sha256: sha256Hex(publishedText(p)),
    timeline: [
      { id: `seed-${id}-1`, at: approvedAt, actor: 'stf_hartmann', kind: 'drafted', text: '' },
      { id: `seed-${id}-2`, at: approvedAt, actor: 'stf_vogel', kind: 'approved', text: '' },
      { id: `seed-${id}-3`, at: p.effectiveAt, actor: 'platform', kind: 'published', text: '' },
    ],
  };
}

const sectioned = (pairs: readonly (readonly [string, string])[]) =>
  pairs.map(([heading, body], index) => ({ id: `s-${index + 1}`, heading: `${index + 1}. ${heading}`, body }));

/** When the policies in force took effect; the German cookie notice then gained Streamcraft's embedded videos. */
const IN_FORCE_SINCE = '2025-05-01T00:00:00.000Z';
/** When users were told of that material change (a new recipient in the USA), five weeks ahead. */
export const COOKIES_CAMPAIGN_AT = '2025-03-25T08:00:00.000Z';

/**
 * The published policies the demo platform starts with: the privacy policy in German (the platform's current
 * text, version 1) and in the team's English translation; the cookie notice in German with one past material
 * change (version 2 added the embedded videos, told to users five weeks ahead) and in English (first published
 * with that text).
 */
export function demoPolicies(): PolicyVersion[] {
  const privacy = splitPolicy(privacyPolicyText);
  const privacyEn = splitPolicy(privacyPolicyTextEn, { title: 'Privacy Policy', introduction: 'Introduction' });
  const first = 'Erste veröffentlichte Fassung';
  return [
    published({ document: 'privacy', language: 'de', number: 1, ...privacy, effectiveAt: IN_FORCE_SINCE, changeSummary: first }),
    published({
      document: 'privacy',
      language: 'en',
      number: 1,
      ...privacyEn,
      effectiveAt: IN_FORCE_SINCE,
      changeSummary: 'First published version',
    }),
    published({
      document: 'cookies',
      language: 'de',
      number: 1,
      title: cookies.de.title,
      sections: sectioned(cookies.de.sections.slice(0, 3)),
      effectiveAt: '2024-09-01T00:00:00.000Z',
      changeSummary: first,
      superseded: true,
    }),
    published({
      document: 'cookies',
      language: 'de',
      number: 2,
      title: cookies.de.title,
      sections: sectioned(cookies.de.sections),
      effectiveAt: IN_FORCE_SINCE,
      changeSummary:
        'Neuer Abschnitt 4: Lernvideos spielen wir über Streamcraft Video, Inc. (USA) ab; erst beim Start eines Videos werden Cookies gesetzt und Daten in die USA übermittelt (EU-US Data Privacy Framework).',
      classification: {
        answers: ['new_recipient', 'new_transfer'],
        proposed: 'material',
        kind: 'material',
        reason: 'Ein neuer Empfänger in einem Drittland: die Nutzerinnen und Nutzer erfahren es vorab.',
        needsConsent: false,
        by: 'stf_hartmann',
        at: '2025-03-10T09:00:00.000Z',
      },
    }),
    published({
      document: 'cookies',
      language: 'en',
      number: 1,
      title: cookies.en.title,
      sections: sectioned(cookies.en.sections),
      effectiveAt: IN_FORCE_SINCE,
      changeSummary: 'First published version',
    }),
  ];
}
