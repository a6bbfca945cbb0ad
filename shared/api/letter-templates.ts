import { z } from 'zod';
import { EntityBase, Iso } from './common';
import { Locale, MessageKind } from './dsar-workflow';

/** The editable text of one message: its subject line and body, with `{{placeholders}}` filled at drafting. */
export const TemplateText = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^[^\r\n]*$/, 'one line, without line breaks'),
  body: z.string().trim().min(1).max(20_000),
});
export type TemplateText = z.infer<typeof TemplateText>;

const Texts = z.strictObject(
  Object.fromEntries(MessageKind.options.map((kind) => [kind, TemplateText])) as Record<MessageKind, typeof TemplateText>,
);

/** One earlier version of the templates, kept whole so any letter can be traced to the text it came from. */
export const TemplateVersion = z.object({
  version: z.number().int().positive(),
  savedAt: Iso,
  savedBy: z.string().min(1).max(64),
  note: z.string().max(500),
  messages: Texts,
  signature: z.string(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/**
 * The team's message templates and signature in one language (id `tpl_de`, `tpl_en`). What the law requires a
 * letter to say is not part of them: it is composed at send time, so no template can remove it.
 */
export const LetterTemplates = EntityBase.extend({
  locale: Locale,
  messages: Texts,
  /** The closing under every letter, e.g. "Mit freundlichen Grüßen\n{{controller}}". */
  signature: z.string().trim().min(1).max(2_000),
  /** Who saved this version, and why. */
  savedBy: z.string().min(1).max(64),
  note: z.string().max(500),
  /** Earlier versions, newest last. */
  history: z.array(TemplateVersion),
}).meta({ id: 'LetterTemplates' });
export type LetterTemplates = z.infer<typeof LetterTemplates>;

/** PATCH /v1/letter-templates/{id}: the texts as they shall read and a note on why; the result is a new version. */
export const LetterTemplatesSave = z
  .strictObject({
    messages: Texts,
    signature: z.string().trim().min(1).max(2_000),
    note: z.string().trim().max(500).default(''),
  })
  .meta({ id: 'LetterTemplatesSave' });
export type LetterTemplatesSave = z.infer<typeof LetterTemplatesSave>;

export const templateIdOf = (locale: Locale) => `tpl_${locale}`;
