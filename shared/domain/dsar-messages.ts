import type { DsarType } from '../api/dsar';
import type { DenialReason, Locale, Message, MessageKind } from '../api/dsar-workflow';
import { dateFormat } from './format';
import { supervisoryAuthorities } from './supervisory-authorities';

export interface MessageContext {
  subjectName: string;
  requestId: string;
  type: DsarType;
  /** Dates as YYYY-MM-DD; formatted per language here. */
  receivedOn: string;
  dueDate: string;
  controllerName: string;
  region: string;
  /** Extension and denial. */
  reason?: string;
  denialReason?: DenialReason;
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

export const denialReasonTexts: Record<Locale, Record<DenialReason, string>> = {
  de: {
    manifestly_unfounded: 'Der Antrag ist offenkundig unbegründet (Art. 12 Abs. 5 Satz 2 lit. b DSGVO).',
    excessive: 'Der Antrag ist – insbesondere im Fall häufiger Wiederholung – exzessiv (Art. 12 Abs. 5 Satz 2 lit. b DSGVO).',
    identity_not_established: 'Wir konnten Sie nicht als betroffene Person identifizieren (Art. 11 Abs. 2, Art. 12 Abs. 2 DSGVO).',
    rights_of_others: 'Die Auskunft würde Rechte und Freiheiten anderer Personen beeinträchtigen (Art. 15 Abs. 4 DSGVO).',
    legal_exemption: 'Eine gesetzliche Ausnahme steht dem Antrag entgegen (z. B. Art. 17 Abs. 3 DSGVO, §§ 34, 35 BDSG).',
  },
  en: {
    manifestly_unfounded: 'The request is manifestly unfounded (Art. 12(5)(b) GDPR).',
    excessive: 'The request is excessive, in particular because of its repetitive character (Art. 12(5)(b) GDPR).',
    identity_not_established: 'We could not identify you as the data subject (Art. 11(2), Art. 12(2) GDPR).',
    rights_of_others: 'Providing the information would adversely affect the rights and freedoms of others (Art. 15(4) GDPR).',
    legal_exemption: 'A statutory exemption applies to the request (e.g. Art. 17(3) GDPR, §§ 34, 35 BDSG).',
  },
};

type Template = (c: MessageContext, d: (day: string) => string) => { subject: string; body: string };

const templates: Record<Locale, Record<MessageKind, Template>> = {
  de: {
    acknowledgement: (c, d) => ({
      subject: `Ihr Antrag auf ${typeNames.de[c.type]} – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nwir haben Ihren Antrag auf ${typeNames.de[c.type]} am ${d(c.receivedOn)} erhalten. Wir beantworten ihn unverzüglich, spätestens bis zum ${d(c.dueDate)} (Art. 12 Abs. 3 DSGVO).\n\nMit freundlichen Grüßen\n${c.controllerName}`,
    }),
    identity_request: (c, d) => ({
      subject: `Bestätigung Ihrer Identität – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\num Ihren Antrag vom ${d(c.receivedOn)} bearbeiten zu können, müssen wir sicherstellen, dass er von Ihnen stammt (Art. 12 Abs. 6 DSGVO). Bitte melden Sie sich in Ihrem Konto an und bestätigen Sie den Antrag dort, oder antworten Sie von der bei uns hinterlegten E-Mail-Adresse. Bitte senden Sie uns keine Ausweiskopie, solange wir nicht ausdrücklich darum bitten.\n\nMit freundlichen Grüßen\n${c.controllerName}`,
    }),
    clarification_request: (c, d) => ({
      subject: `Rückfrage zu Ihrem Antrag – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nzu Ihrem Antrag vom ${d(c.receivedOn)} haben wir eine Rückfrage: Bitte präzisieren Sie, auf welche Informationen oder Verarbeitungsvorgänge sich Ihr Antrag bezieht.\n\nMit freundlichen Grüßen\n${c.controllerName}`,
    }),
    extension_notice: (c, d) => ({
      subject: `Verlängerung der Frist für Ihren Antrag – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nwir bearbeiten Ihren Antrag auf ${typeNames.de[c.type]} vom ${d(c.receivedOn)}. Wegen der Komplexität bzw. der Anzahl der Anträge verlängern wir die Frist gemäß Art. 12 Abs. 3 Satz 2 DSGVO um zwei Monate; Sie erhalten unsere Antwort spätestens bis zum ${d(c.dueDate)}.\n\nGründe: ${c.reason ?? ''}\n\nMit freundlichen Grüßen\n${c.controllerName}`,
    }),
    completion: (c) => ({
      subject: `Ihr Antrag auf ${typeNames.de[c.type]} ist erledigt – ${c.requestId}`,
      body: `Guten Tag ${c.subjectName},\n\nwir haben Ihren Antrag auf ${typeNames.de[c.type]} bearbeitet. Einzelheiten finden Sie in dieser Nachricht und ihren Anlagen. Wenn Sie Fragen haben, antworten Sie einfach auf diese Nachricht.\n\nSie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO).\n\nMit freundlichen Grüßen\n${c.controllerName}`,
    }),
    denial: (c, d) => {
      const authority = supervisoryAuthorities[c.region];
      return {
        subject: `Ihr Antrag vom ${d(c.receivedOn)} – ${c.requestId}`,
        body: `Guten Tag ${c.subjectName},\n\nwir werden auf Ihren Antrag auf ${typeNames.de[c.type]} nicht tätig.\n\nGründe: ${c.denialReason ? denialReasonTexts.de[c.denialReason] : ''} ${c.reason ?? ''}\n\nSie haben das Recht, sich bei einer Aufsichtsbehörde zu beschweren (Art. 77 DSGVO), etwa bei: ${authority ? `${authority.name}, ${authority.url}` : 'der für uns zuständigen Aufsichtsbehörde'}. Sie können außerdem einen gerichtlichen Rechtsbehelf einlegen (Art. 79 DSGVO).\n\nMit freundlichen Grüßen\n${c.controllerName}`,
      };
    },
  },
  en: {
    acknowledgement: (c, d) => ({
      subject: `Your request for ${typeNames.en[c.type]} – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe received your request for ${typeNames.en[c.type]} on ${d(c.receivedOn)}. We will answer it without undue delay and by ${d(c.dueDate)} at the latest (Art. 12(3) GDPR).\n\nKind regards\n${c.controllerName}`,
    }),
    identity_request: (c, d) => ({
      subject: `Please confirm your identity – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nto act on your request of ${d(c.receivedOn)} we need to make sure it comes from you (Art. 12(6) GDPR). Please sign in to your account and confirm the request there, or reply from the e-mail address we hold for you. Please do not send a copy of an identity document unless we expressly ask for it.\n\nKind regards\n${c.controllerName}`,
    }),
    clarification_request: (c, d) => ({
      subject: `A question about your request – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe have a question about your request of ${d(c.receivedOn)}: please specify the information or processing operations your request relates to.\n\nKind regards\n${c.controllerName}`,
    }),
    extension_notice: (c, d) => ({
      subject: `Extension of the period for your request – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe are working on your request for ${typeNames.en[c.type]} of ${d(c.receivedOn)}. Because of its complexity or the number of requests, we extend the period by two further months under Art. 12(3) GDPR; you will receive our answer by ${d(c.dueDate)} at the latest.\n\nReasons: ${c.reason ?? ''}\n\nKind regards\n${c.controllerName}`,
    }),
    completion: (c) => ({
      subject: `Your request for ${typeNames.en[c.type]} is complete – ${c.requestId}`,
      body: `Dear ${c.subjectName},\n\nwe have acted on your request for ${typeNames.en[c.type]}. You find the details in this message and its attachments. If you have any questions, simply reply to this message.\n\nYou have the right to lodge a complaint with a supervisory authority (Art. 77 GDPR).\n\nKind regards\n${c.controllerName}`,
    }),
    denial: (c, d) => {
      const authority = supervisoryAuthorities[c.region];
      return {
        subject: `Your request of ${d(c.receivedOn)} – ${c.requestId}`,
        body: `Dear ${c.subjectName},\n\nwe will not take action on your request for ${typeNames.en[c.type]}.\n\nReasons: ${c.denialReason ? denialReasonTexts.en[c.denialReason] : ''} ${c.reason ?? ''}\n\nYou have the right to lodge a complaint with a supervisory authority (Art. 77 GDPR), for example: ${authority ? `${authority.name}, ${authority.url}` : 'the supervisory authority competent for us'}. You also have the right to an effective judicial remedy (Art. 79 GDPR).\n\nKind regards\n${c.controllerName}`,
      };
    },
  },
};

/** A message from its template, in the subject's language; the officer may edit it before it is sent. */
export function renderMessage(kind: MessageKind, locale: Locale, context: MessageContext): Message {
  const { subject, body } = templates[locale][kind](context, dateFormat(locale, 'UTC').letterDay);
  return { kind, locale, subject, body: body.replace(/ +\n/g, '\n') };
}
