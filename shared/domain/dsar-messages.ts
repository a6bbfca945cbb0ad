import type { DsarType } from '../api/dsar';
import type { Locale, Message, MessageKind } from '../api/dsar-workflow';
import { dateFormat } from './format';

export interface MessageContext {
  subjectName: string;
  requestId: string;
  type: DsarType;
  /** Dates as YYYY-MM-DD; formatted per language here. */
  receivedOn: string;
  dueDate: string;
  controllerName: string;
  /** A copy of the data was delivered with the request (access, portability). */
  delivered: boolean;
}

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

type Template = (c: MessageContext, d: (day: string) => string) => { subject: string; body: string };

/**
 * The editable text of each message. What the law requires a letter to say (reasons, the new date, the
 * supervisory authority, the judicial remedy, what was kept or withheld) is not here: `requiredParts` adds it
 * when the step is taken, so no edit can leave it out.
 */
const templates: Record<Locale, Record<MessageKind, Template>> = {
  de: {
    acknowledgement: (c, d) => ({
      subject: `Ihr Antrag auf ${typeNames.de[c.type]} – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nwir haben Ihren Antrag auf ${typeNames.de[c.type]} am ${d(c.receivedOn)} erhalten. Wir beantworten ihn unverzüglich, spätestens bis zum ${d(c.dueDate)} (Art. 12 Abs. 3 DSGVO).`,
    }),
    identity_request: (c, d) => ({
      subject: `Bestätigung Ihrer Identität – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\num Ihren Antrag vom ${d(c.receivedOn)} bearbeiten zu können, müssen wir sicherstellen, dass er von Ihnen stammt (Art. 12 Abs. 6 DSGVO). Bitte melden Sie sich in Ihrem Konto an und bestätigen Sie den Antrag dort, oder antworten Sie von der bei uns hinterlegten E-Mail-Adresse. Bitte senden Sie uns keine Ausweiskopie, solange wir nicht ausdrücklich darum bitten.`,
    }),
    clarification_request: (c, d) => ({
      subject: `Rückfrage zu Ihrem Antrag – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nzu Ihrem Antrag vom ${d(c.receivedOn)} haben wir eine Rückfrage: Bitte präzisieren Sie, auf welche Informationen oder Verarbeitungsvorgänge sich Ihr Antrag bezieht.`,
    }),
    extension_notice: (c, d) => ({
      subject: `Verlängerung der Frist für Ihren Antrag – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nwir bearbeiten Ihren Antrag auf ${typeNames.de[c.type]} vom ${d(c.receivedOn)}. Wegen der Komplexität bzw. der Anzahl der Anträge verlängern wir die Frist gemäß Art. 12 Abs. 3 Satz 2 DSGVO.`,
    }),
    completion: (c) => ({
      subject: `Ihr Antrag auf ${typeNames.de[c.type]} ist erledigt – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nwir haben Ihren Antrag auf ${typeNames.de[c.type]} bearbeitet.${c.delivered ? ' Die Kopie Ihrer Daten liegt dieser Nachricht bei.' : ''} Wenn Sie Fragen haben, antworten Sie einfach auf diese Nachricht.`,
    }),
    denial: (c, d) => ({
      subject: `Ihr Antrag vom ${d(c.receivedOn)} – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nwir werden auf Ihren Antrag auf ${typeNames.de[c.type]} nicht tätig. Die Gründe und Ihre Rechte finden Sie im Folgenden.`,
    }),
  },
  en: {
    acknowledgement: (c, d) => ({
      subject: `Your request for ${typeNames.en[c.type]} – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe received your request for ${typeNames.en[c.type]} on ${d(c.receivedOn)}. We will answer it without undue delay and by ${d(c.dueDate)} at the latest (Art. 12(3) GDPR).`,
    }),
    identity_request: (c, d) => ({
      subject: `Please confirm your identity – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nto act on your request of ${d(c.receivedOn)} we need to make sure it comes from you (Art. 12(6) GDPR). Please sign in to your account and confirm the request there, or reply from the e-mail address we hold for you. Please do not send a copy of an identity document unless we expressly ask for it.`,
    }),
    clarification_request: (c, d) => ({
      subject: `A question about your request – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe have a question about your request of ${d(c.receivedOn)}: please specify the information or processing operations your request relates to.`,
    }),
    extension_notice: (c, d) => ({
      subject: `Extension of the period for your request – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe are working on your request for ${typeNames.en[c.type]} of ${d(c.receivedOn)}. Because of its complexity or the number of requests, we extend the period under Art. 12(3) GDPR.`,
    }),
    completion: (c) => ({
      subject: `Your request for ${typeNames.en[c.type]} is complete – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe have acted on your request for ${typeNames.en[c.type]}.${c.delivered ? ' The copy of your data is attached to this message.' : ''} If you have any questions, simply reply to this message.`,
    }),
    denial: (c, d) => ({
      subject: `Your request of ${d(c.receivedOn)} – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe will not take action on your request for ${typeNames.en[c.type]}. You find the reasons and your rights below.`,
    }),
  },
};

const closings: Record<Locale, (controller: string) => string> = {
  de: (controller) => `Mit freundlichen Grüßen\n${controller}`,
  en: (controller) => `Kind regards\n${controller}`,
};

/** A message from its template, in the subject's language; the officer may edit it before it is sent. */
export function renderMessage(kind: MessageKind, locale: Locale, context: MessageContext): Message {
  const { subject, body } = templates[locale][kind](context, dateFormat(locale, 'UTC').letterDay);
  return { kind, locale, subject, body, closing: closings[locale](context.controllerName) };
}
