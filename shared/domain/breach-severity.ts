import type { DataCategory } from '../api/dsar-workflow';
import { RuleError } from './rules';

/**
 * The severity of a personal data breach by ENISA's method (Recommendations for a methodology of the
 * assessment of severity of personal data breaches, v1.0, December 2013): SE = DPC × EI + CB. The numbers
 * and their wording are in `../shared/docs/BREACH-SEVERITY.md`; this module is that table as code, with the
 * reasoning kept step by step so the screen and the register can show why.
 */

/** ENISA's data types, each with its basic data-processing-context score. */
export type EnisaClass = 'simple' | 'behavioural' | 'financial' | 'sensitive';
export const basicDpc: Record<EnisaClass, 1 | 2 | 3 | 4> = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 };

/**
 * The platform's data categories (the same as the DSAR packages and the records of processing) by ENISA
 * class: the basic score pre-fills the assessment; context moves it, with a reason.
 */
export const enisaClassOf: Record<DataCategory, EnisaClass> = {
  account: 'simple',
  enrolments: 'behavioural',
  lesson_progress: 'behavioural',
  quiz_results: 'behavioural',
  submissions: 'behavioural',
  forum_posts: 'behavioural',
  payments: 'financial',
  invoices: 'financial',
  messages: 'behavioural',
  preferences: 'behavioural',
  login_history: 'behavioural',
};

/** Ease of identification: a multiplier; the highest level any identifier in the data reaches counts. */
export type IdentificationLevel = 'negligible' | 'limited' | 'significant' | 'maximum';
export const easeOfIdentification: Record<IdentificationLevel, number> = { negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 };

/** Circumstances of the breach: points added together, one element per kind of loss, plus malice. */
export type LossLevel = 0 | 0.25 | 0.5;
export interface Circumstances {
  confidentiality: LossLevel;
  integrity: LossLevel;
  availability: LossLevel;
  /** The breach was deliberate (an attack, a theft, an insider): +0.5. */
  malicious: boolean;
}

export type SeverityBand = 'low' | 'medium' | 'high' | 'very_high';
const bandOrder: readonly SeverityBand[] = ['low', 'medium', 'high', 'very_high'];

/** Which band triggers which notification: ENISA sets none; this is the controller's policy (a setting). */
export interface NotificationPolicy {
  /** Art. 33(1): the supervisory authority, from this band up. */
  authorityFrom: SeverityBand;
  /** Art. 34(1): the people affected, from this band up (unless an Art. 34(3) exemption applies). */
  subjectsFrom: SeverityBand;
}
/** The default stated in BREACH-SEVERITY.md: low → document only; medium → authority; high → the people too. */
export const defaultNotificationPolicy: NotificationPolicy = { authorityFrom: 'medium', subjectsFrom: 'high' };

/** A move of a category's basic score, allowed only with the contextual factor written down. */
export interface DpcAdjustment {
  category: DataCategory;
  score: 1 | 2 | 3 | 4;
  reason: string;
}

export interface SeverityInput {
  categories: readonly DataCategory[];
  adjustments?: readonly DpcAdjustment[];
  /** The level of each identifier in the data (name, e-mail, user id …); the highest counts. */
  identifiers: readonly IdentificationLevel[];
  circumstances: Circumstances;
  /** The upper end of the estimated number of people affected. */
  peopleAffected: number;
  /** Strongly encrypted with the key not compromised (also the Art. 34(3)(a) exemption). */
  unintelligible: boolean;
}

export interface CategoryScore {
  category: DataCategory;
  enisaClass: EnisaClass;
  basic: number;
  score: number;
  reason: string | null;
}

export interface SeverityAssessment {
  perCategory: CategoryScore[];
  /** The highest category score, and the category it comes from. */
  dpc: number;
  dpcFrom: DataCategory;
  ei: number;
  eiLevel: IdentificationLevel;
  cb: number;
  /** SE = DPC × EI + CB. */
  score: number;
  band: SeverityBand;
  flags: { overHundredPeople: boolean; unintelligible: boolean };
  recommendation: { authority: boolean; subjects: boolean; exemption: 'unintelligible' | null };
}

/** A written reason is a sentence, not a tick. */
export const MIN_REASON_LENGTH = 10;

export function bandOf(score: number): SeverityBand {
  if (score >= 4) return 'very_high';
  if (score >= 3) return 'high';
  if (score >= 2) return 'medium';
  return 'low';
}

export const atLeast = (band: SeverityBand, threshold: SeverityBand) => bandOrder.indexOf(band) >= bandOrder.indexOf(threshold);

/**
 * The assessment: each category's score (basic, or moved with its reason), the highest as DPC, the highest
 * identification level as EI, the circumstances added up as CB, the band, the two flags, and what the policy
 * recommends. The officer decides; a decision that differs from the recommendation needs its justification.
 */
export function assessSeverity(input: SeverityInput, policy: NotificationPolicy = defaultNotificationPolicy): SeverityAssessment {
  if (!input.categories.length)
    throw new RuleError('breach-no-categories', 'Name the categories of personal data the breach concerns.', 'categories');
  if (!input.identifiers.length) {
    throw new RuleError('breach-no-identifiers', 'Say how easily the data identify a person.', 'identifiers');
  }
  const perCategory = [...new Set(input.categories)].map((category): CategoryScore => {
    const enisaClass = enisaClassOf[category];
    const basic = basicDpc[enisaClass];
    const moved = input.adjustments?.find((a) => a.category === category && a.score !== basic);
    if (!moved) return { category, enisaClass, basic, score: basic, reason: null };
    if (moved.reason.trim().length < MIN_REASON_LENGTH) {
      throw new RuleError(
        'dpc-move-without-reason',
        `The score of ${category} moves from ${basic} to ${moved.score} only with its reason.`,
        'adjustments',
        {
          category,
        },
      );
    }
    return { category, enisaClass, basic, score: moved.score, reason: moved.reason.trim() };
  });
  const top = perCategory.reduce((best, next) => (next.score > best.score ? next : best));
  const eiLevel = input.identifiers.reduce((best, next) => (easeOfIdentification[next] > easeOfIdentification[best] ? next : best));
  const ei = easeOfIdentification[eiLevel];
  const c = input.circumstances;
  const cb = c.confidentiality + c.integrity + c.availability + (c.malicious ? 0.5 : 0);
  const score = top.score * ei + cb;
  const band = bandOf(score);
  const exemption = input.unintelligible ? ('unintelligible' as const) : null;
  return {
    perCategory,
    dpc: top.score,
    dpcFrom: top.category,
    ei,
    eiLevel,
    cb,
    score,
    band,
    flags: { overHundredPeople: input.peopleAffected > 100, unintelligible: input.unintelligible },
    recommendation: {
      authority: atLeast(band, policy.authorityFrom),
      subjects: atLeast(band, policy.subjectsFrom) && exemption === null,
      exemption,
    },
  };
}

/** What moved between two assessments (a changed fact re-runs it): the parts whose value differs. */
type Comparable = Pick<SeverityAssessment, 'dpc' | 'ei' | 'cb' | 'score' | 'band'> & {
  recommendation: { authority: boolean; subjects: boolean };
};

export function assessmentChanges(before: Comparable, after: Comparable): string[] {
  const parts = ['dpc', 'ei', 'cb', 'score', 'band'] as const;
  const moved: string[] = parts.filter((part) => before[part] !== after[part]);
  if (before.recommendation.authority !== after.recommendation.authority) moved.push('recommendation.authority');
  if (before.recommendation.subjects !== after.recommendation.subjects) moved.push('recommendation.subjects');
  return moved;
}

/** Time left on the Art. 33(1) clock, in whole hours and minutes (negative when passed). */
export function clockLeft(deadline: string, now: Date): { passed: boolean; hours: number; minutes: number; totalMinutes: number } {
  const totalMinutes = Math.floor((Date.parse(deadline) - now.getTime()) / 60_000);
  const abs = Math.abs(totalMinutes);
  return { passed: totalMinutes < 0, hours: Math.floor(abs / 60), minutes: abs % 60, totalMinutes };
}

/** The reminders of the 72-hour clock: at 24, 12 and 4 hours left, and when it has passed. */
export const clockReminders = [24, 12, 4, 0] as const;

/** The reminder due now (the smallest threshold reached), or null while more than 24 hours are left. */
export function clockReminder(deadline: string, now: Date): (typeof clockReminders)[number] | null {
  const left = Date.parse(deadline) - now.getTime();
  const reached = clockReminders.filter((hours) => left <= hours * 3_600_000);
  return reached.length ? reached[reached.length - 1] : null;
}
