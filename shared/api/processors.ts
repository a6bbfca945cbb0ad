import { z } from 'zod';
import { problem } from '../domain/problems';
import { isCountryCode, transferProblems } from '../domain/transfers';
import { EntityBase, Id } from './common';

export const ServiceCategory = z.enum([
  'analytics',
  'payment',
  'hosting_cloud',
  'email_delivery',
  'lms_component',
  'embedded_content',
  'support',
  'other',
]);
export const ProcessorRole = z.enum(['processor', 'sub_processor', 'joint_controller', 'independent_controller']);
export const TransferMechanism = z.enum(['none', 'adequacy', 'scc', 'bcr', 'art49']);
/** SCC 2021/914 modules: 1 controller-controller, 2 controller-processor, 3 processor-processor, 4 processor-controller. */
export const SccModule = z.enum(['1', '2', '3', '4']);
/** Art. 28(3)(a)-(h). */
export const DpaClause = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
export const RiskRating = z.enum(['low', 'medium', 'high']);
export const ProcessorStatus = z.enum(['onboarding', 'active', 'offboarding', 'terminated']);
export type DpaClause = z.infer<typeof DpaClause>;

export const CountryCode = z
  .string()
  .refine(isCountryCode, { message: 'unknown country code (ISO 3166-1 alpha-2, e.g. DE, US)', params: problem('unknown-country') });
const Day = z.iso.date();
const Text = (max: number) => z.string().trim().max(max);

export const Transfer = z.object({
  mechanism: TransferMechanism,
  sccModule: SccModule.nullable(),
  /** Date of the transfer impact assessment. */
  tiaDate: Day.nullable(),
  /**
   * For a US recipient under "adequacy": whether it is certified under the EU-US Data Privacy Framework
   * (the adequacy decision of 10 July 2023 covers certified organisations only); null while not checked.
   */
  dpfCertified: z.boolean().nullable().default(null),
});
export type Transfer = z.infer<typeof Transfer>;

export const DpaTerms = z.object({
  signedAt: Day.nullable(),
  expiresAt: Day.nullable(),
  documentRef: Text(300),
  /** SHA-256 of the signed document, so the registry can prove which text was agreed. */
  checksum: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a SHA-256 checksum is 64 lowercase hexadecimal characters')
    .nullable(),
  clauses: z.record(DpaClause, z.object({ met: z.boolean(), note: Text(2000) })),
});
export type DpaTerms = z.infer<typeof DpaTerms>;

/** A sub-processor the processor engages (Art. 28(2), (4)). */
export const SubProcessor = z.object({
  name: Text(200).min(2),
  service: Text(200),
  country: CountryCode,
  transfer: Transfer,
});
export type SubProcessor = z.infer<typeof SubProcessor>;

/** A processor's notice of a new sub-processor under a general authorisation: the controller may object. */
export const ChangeNotice = z.object({
  id: z.string().min(1).max(64),
  subProcessorName: Text(200).min(2),
  country: CountryCode,
  noticeAt: Day,
  /** The objection period the DPA grants, in calendar days from the notice. */
  objectionDays: z.number().int().min(1).max(180),
  decision: z.enum(['pending', 'accepted', 'objected']),
  decidedAt: Day.nullable(),
  /** The safeguard for a sub-processor outside the EEA (Art. 44-49); a notice is accepted only with one. */
  transfer: Transfer.nullable().default(null),
});
export type ChangeNotice = z.infer<typeof ChangeNotice>;

const processorFields = {
  legalName: Text(200).min(2),
  address: Text(400),
  serviceCategory: ServiceCategory,
  role: ProcessorRole,
  purposes: z.array(Text(200).min(1)).max(20),
  dataCategories: z.array(Text(120).min(1)).max(40),
  subjectCategories: z.array(Text(120).min(1)).max(20),
  /** Where the data is processed. */
  countries: z.array(CountryCode).min(1).max(30),
  transfer: Transfer,
  dpa: DpaTerms,
  certifications: z.array(Text(120).min(1)).max(20),
  contact: z.object({ name: Text(200), email: z.email().or(z.literal('')) }),
  reviewCadenceMonths: z.number().int().min(1).max(36),
  nextReviewAt: Day,
  riskRating: RiskRating,
  status: ProcessorStatus,
  subProcessors: z.array(SubProcessor).max(100),
  changeNotices: z.array(ChangeNotice).max(100),
};

type ProcessorFields = z.infer<z.ZodObject<typeof processorFields>>;
const noTransfer: Transfer = { mechanism: 'none', sccModule: null, tiaDate: null, dpfCertified: null };

/** The rules between fields: DPA dates in order, Chapter V for data outside the EEA. */
function checkProcessor(p: ProcessorFields, ctx: z.RefinementCtx): void {
  if (p.dpa.signedAt && p.dpa.expiresAt && p.dpa.expiresAt < p.dpa.signedAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['dpa', 'expiresAt'],
      message: 'The DPA cannot expire before it was signed.',
      params: problem('dpa-expires-before-signed'),
    });
  }
  for (const found of transferProblems(p.countries, p.transfer)) {
    ctx.addIssue({ code: 'custom', path: ['transfer', found.path], message: found.message, params: problem(found.code, found.params) });
  }
  p.subProcessors.forEach((sub, i) => {
    for (const found of transferProblems([sub.country], sub.transfer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subProcessors', i, 'transfer', found.path],
        message: found.message,
        params: problem(found.code, found.params),
      });
    }
  });
  p.changeNotices.forEach((notice, i) => {
    if (notice.decision !== 'pending' && !notice.decidedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['changeNotices', i, 'decidedAt'],
        message: 'Record when the decision was made.',
        params: problem('decision-date-missing'),
      });
    }
    if (notice.decidedAt && notice.decidedAt < notice.noticeAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['changeNotices', i, 'decidedAt'],
        message: 'A decision cannot precede the notice.',
        params: problem('decision-before-notice'),
      });
    }
  });
}

/**
 * Accepting a sub-processor in a third country accepts the transfer: it needs its safeguard. A rule for what is
 * entered (a new processor, changed notices): notices accepted before it existed stay readable as they are.
 */
export function noticeSafeguardIssues(
  notices: readonly ChangeNotice[],
): { path: (string | number)[]; message: string; params: ReturnType<typeof problem> }[] {
  return notices.flatMap((notice, i) =>
    notice.decision === 'accepted'
      ? transferProblems([notice.country], notice.transfer ?? noTransfer).map((found) => ({
          path: ['changeNotices', i, 'transfer', found.path],
          message: found.message,
          params: problem(found.code, found.params),
        }))
      : [],
  );
}
function checkEntered(p: ProcessorFields, ctx: z.RefinementCtx): void {
  checkProcessor(p, ctx);
  for (const issue of noticeSafeguardIssues(p.changeNotices)) ctx.addIssue({ code: 'custom', ...issue });
}

export const ProcessorDraft = z.object(processorFields).superRefine(checkEntered).meta({ id: 'ProcessorDraft' });
export type ProcessorDraft = z.infer<typeof ProcessorDraft>;

export const Processor = EntityBase.extend(processorFields).superRefine(checkProcessor).meta({ id: 'Processor' });
export type Processor = z.infer<typeof Processor>;

/** POST /v1/processors: the id is chosen by the client, so a processor created offline keeps its id. */
export const ProcessorCreate = z
  .strictObject({ id: Id.regex(/^prc_[a-z0-9-]{6,60}$/, 'ids look like prc_…'), ...processorFields })
  .superRefine(checkEntered)
  .meta({ id: 'ProcessorCreate' });
export type ProcessorCreate = z.infer<typeof ProcessorCreate>;

/** PATCH /v1/processors/{id}: any fields; the merged result must pass the same rules. */
export const ProcessorPatch = z
  .strictObject(processorFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'at least one field is required', params: problem('nothing-changed') })
  .meta({ id: 'ProcessorPatch' });
export type ProcessorPatch = z.infer<typeof ProcessorPatch>;
