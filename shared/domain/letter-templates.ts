import type { DsarType } from '../api/dsar';
import type { Locale, Message, MessageKind } from '../api/dsar-workflow';
import type { LetterTemplates, LetterTemplatesSave, TemplateText } from '../api/letter-templates';
import type { MutationContext } from '../entities/descriptor';
import { dateFormat } from './format';
import { RuleError } from './rules';

/** What a template may name; each is filled from the request when a message is drafted. */
export const placeholders = ['name', 'requestId', 'type', 'receivedOn', 'dueDate', 'controller', 'attachment'] as const;
export type Placeholder = (typeof placeholders)[number];

/**
 * What a template must keep. The request id in every subject line lets a reply be matched to its request
 * (and the officer find it by searching for it); the acknowledgement tells the person the date (Art. 12(3)).
 * Everything the law requires a letter to say besides is composed at send time (`requiredParts`), outside
 * the templates, so no edit can remove it.
 */
export const requiredPlaceholders: { [K in MessageKind]: { subject: Placeholder[]; body: Placeholder[] } } = {
  acknowledgement: { subject: ['requestId'], body: ['dueDate'] },
  identity_request: { subject: ['requestId'], body: [] },
  clarification_request: { subject: ['requestId'], body: [] },
  extension_notice: { subject: ['requestId'], body: [] },
  completion: { subject: ['requestId'], body: [] },
  denial: { subject: ['requestId'], body: [] },
};

/** Versions kept in the document; every one is also in the platform's audit log. */
export const TEMPLATE_VERSIONS_KEPT = 50;

const typeNames: Record<Locale, Record<DsarType, string>> = {
  de: {
    access: 'Auskunft (Art. 15 DSGVO)',
    rectification: 'Berichtigung (Art. 16 DSGVO)',
    erasure: 'Löschung (Art. 17 DSGVO)',
    restriction: 'Einschränkung der Verarbeitung (Art. 18 DSGVO)',
    portability: 'Datenübertragbarkeit (Art. 20 DSGVO)',
    objection: 'Widerspruch (Art. 21 DSGVO)',
  },
  en: {
    access: 'access (Art. 15 GDPR)',
    rectification: 'rectification (Art. 16 GDPR)',
    erasure: 'erasure (Art. 17 GDPR)',
    restriction: 'restriction of processing (Art. 18 GDPR)',
    portability: 'data portability (Art. 20 GDPR)',
    objection: 'objection (Art. 21 GDPR)',
  },
};

/** The sentence `{{attachment}}` becomes when a copy of the data goes with the message. */
const attachmentSentences: Record<Locale, Record<Message['delivery'], string>> = {
  de: {
    email: 'Die Kopie Ihrer Daten liegt dieser Nachricht bei.',
    post: 'Die Kopie Ihrer Daten liegt diesem Schreiben auf einem Datenträger bei.',
  },
  en: {
    email: 'The copy of your data is attached to this message.',
    post: 'The copy of your data is enclosed with this letter on a storage medium.',
  },
};

/** The texts a new workspace starts with; the team edits them in the settings. */
export const defaultTemplateTexts: Record<Locale, { messages: Record<MessageKind, TemplateText>; signature: string }> = {
  de: {
    messages: {
      acknowledgement: {
        subject: 'Ihr Antrag auf {{type}} – {{requestId}}',
        body: 'Guten Tag {{name}},\n\nwir haben Ihren Antrag auf {{type}} am {{receivedOn}} erhalten. Wir beantworten ihn unverzüglich, spätestens bis zum {{dueDate}} (Art. 12 Abs. 3 DSGVO).',
      },
      identity_request: {
        subject: 'Bestätigung Ihrer Identität – {{requestId}}',
        body: 'Guten Tag {{name}},\n\num Ihren Antrag vom {{receivedOn}} bearbeiten zu können, müssen wir sicherstellen, dass er von Ihnen stammt (Art. 12 Abs. 6 DSGVO). Bitte melden Sie sich in Ihrem Konto an und bestätigen Sie den Antrag dort, oder antworten Sie uns auf dem Weg, auf dem Sie den Antrag gestellt haben. Bitte senden Sie uns keine Ausweiskopie, solange wir nicht ausdrücklich darum bitten.',
      },
      clarification_request: {
        subject: 'Rückfrage zu Ihrem Antrag – {{requestId}}',
        body: 'Guten Tag {{name}},\n\nzu Ihrem Antrag vom {{receivedOn}} haben wir eine Rückfrage: Bitte präzisieren Sie, auf welche Informationen oder Verarbeitungsvorgänge sich Ihr Antrag bezieht.',
      },
      extension_notice: {
        subject: 'Verlängerung der Frist für Ihren Antrag – {{requestId}}',
        body: 'Guten Tag {{name}},\n\nwir bearbeiten Ihren Antrag auf {{type}} vom {{receivedOn}}. Wegen der Komplexität bzw. der Anzahl der Anträge verlängern wir die Frist gemäß Art. 12 Abs. 3 Satz 2 DSGVO.',
      },
      completion: {
        subject: 'Ihr Antrag auf {{type}} ist erledigt – {{requestId}}',
        body: 'Guten Tag {{name}},\n\nwir haben Ihren Antrag auf {{type}} bearbeitet. {{attachment}} Wenn Sie Fragen haben, antworten Sie uns gern.',
      },
      denial: {
        subject: 'Ihr Antrag vom {{receivedOn}} – {{requestId}}',
        body: 'Guten Tag {{name}},\n\nwir werden auf Ihren Antrag auf {{type}} nicht tätig. Die Gründe und Ihre Rechte finden Sie im Folgenden.',
      },
    },
    signature: 'Mit freundlichen Grüßen\n{{controller}}',
  },
  en: {
    messages: {
      acknowledgement: {
        subject: 'Your request for {{type}} – {{requestId}}',
        body: 'Dear {{name}},\n\nwe received your request for {{type}} on {{receivedOn}}. We will answer it without undue delay and by {{dueDate}} at the latest (Art. 12(3) GDPR).',
      },
      identity_request: {
        subject: 'Please confirm your identity – {{requestId}}',
        body: 'Dear {{name}},\n\nto act on your request of {{receivedOn}} we need to make sure it comes from you (Art. 12(6) GDPR). Please sign in to your account and confirm the request there, or reply to us the way you made the request. Please do not send a copy of an identity document unless we expressly ask for it.',
      },
      clarification_request: {
        subject: 'A question about your request – {{requestId}}',
        body: 'Dear {{name}},\n\nwe have a question about your request of {{receivedOn}}: please specify the information or processing operations your request relates to.',
      },
      extension_notice: {
        subject: 'Extension of the period for your request – {{requestId}}',
        body: 'Dear {{name}},\n\nwe are working on your request for {{type}} of {{receivedOn}}. Because of its complexity or the number of requests, we extend the period under Art. 12(3) GDPR.',
      },
      completion: {
        subject: 'Your request for {{type}} is complete – {{requestId}}',
        body: 'Dear {{name}},\n\nwe have acted on your request for {{type}}. {{attachment}} If you have any questions, please reply to us.',
      },
      denial: {
        subject: 'Your request of {{receivedOn}} – {{requestId}}',
        body: 'Dear {{name}},\n\nwe will not take action on your request for {{type}}. You find the reasons and your rights below.',
      },
    },
    signature: 'Kind regards\n{{controller}}',
  },
};

/** The templates a workspace starts with (version 1), as the platform seeds them. */
export function defaultTemplates(locale: Locale, at: string): LetterTemplates {
  return {
    id: `tpl_${locale}`,
    version: 1,
    updatedAt: at,
    locale,
    ...defaultTemplateTexts[locale],
    savedBy: 'platform',
    note: '',
    history: [],
  };
}

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
const namedIn = (text: string) => [...text.matchAll(placeholderPattern)].map((m) => m[1]);

/** A template's problems, each on its field: unknown placeholders and required ones missing. */
function checkText(text: string, required: readonly Placeholder[], path: string): void {
  const named = namedIn(text);
  const unknown = named.find((name) => !(placeholders as readonly string[]).includes(name));
  if (unknown !== undefined) {
    throw new RuleError('unknown-placeholder', `{{${unknown}}} is not a placeholder the console can fill.`, path, {
      placeholder: `{{${unknown}}}`,
    });
  }
  const missing = required.find((name) => !named.includes(name));
  if (missing) {
    throw new RuleError('placeholder-required', `{{${missing}}} must stay in this text.`, path, { placeholder: `{{${missing}}}` });
  }
}

/** Saves the team's templates as a new version; the one it replaces is kept whole in the history. */
export function saveTemplates(current: LetterTemplates, args: LetterTemplatesSave, ctx: MutationContext): LetterTemplates {
  for (const [kind, text] of Object.entries(args.messages) as [MessageKind, TemplateText][]) {
    checkText(text.subject, requiredPlaceholders[kind].subject, `messages.${kind}.subject`);
    checkText(text.body, requiredPlaceholders[kind].body, `messages.${kind}.body`);
  }
  checkText(args.signature, [], 'signature');
  const same =
    args.signature === current.signature &&
    (Object.keys(args.messages) as MessageKind[]).every(
      (kind) => args.messages[kind].subject === current.messages[kind].subject && args.messages[kind].body === current.messages[kind].body,
    );
  if (same) return current;
  const previous = {
    version: current.version,
    savedAt: current.updatedAt,
    savedBy: current.savedBy,
    note: current.note,
    messages: current.messages,
    signature: current.signature,
  };
  return {
    ...current,
    updatedAt: ctx.at,
    messages: args.messages,
    signature: args.signature,
    savedBy: ctx.actor,
    note: args.note,
    history: [...current.history, previous].slice(-TEMPLATE_VERSIONS_KEPT),
  };
}

export interface MessageContext {
  subjectName: string;
  requestId: string;
  type: DsarType;
  /** Dates as YYYY-MM-DD; formatted per language here. */
  receivedOn: string;
  dueDate: string;
  controllerName: string;
  /** A copy of the data goes with the message (access, portability). */
  delivered: boolean;
  delivery: Message['delivery'];
}

function fill(text: string, values: Record<Placeholder, string>): string {
  return text
    .replace(placeholderPattern, (whole, name: string) => (name in values ? values[name as Placeholder] : whole))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * A message from the team's template (or the default where the workspace has none yet), in the subject's
 * language; the officer may edit it before it is sent.
 */
export function renderMessage(templates: LetterTemplates | null, kind: MessageKind, locale: Locale, context: MessageContext): Message {
  const texts = templates && templates.locale === locale ? templates : defaultTemplateTexts[locale];
  const day = dateFormat(locale, 'UTC').letterDay;
  const values: Record<Placeholder, string> = {
    name: context.subjectName,
    requestId: context.requestId,
    type: typeNames[locale][context.type],
    receivedOn: day(context.receivedOn),
    dueDate: day(context.dueDate),
    controller: context.controllerName,
    attachment: context.delivered ? attachmentSentences[locale][context.delivery] : '',
  };
  const template = texts.messages[kind];
  return {
    kind,
    locale,
    subject: fill(template.subject, values),
    body: fill(template.body, values),
    closing: fill(texts.signature, values),
    delivery: context.delivery,
  };
}
