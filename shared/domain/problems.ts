import type { z } from 'zod';

/**
 * Every problem a schema or a domain rule can report, by a stable code. The code is the platform's problem
 * type (`…/problems/<code>`) and the key of the sentence the console shows in the user's language; the
 * English `message` beside it is for logs and API clients, never shown as the form's text.
 */
export const problemCodes = [
  // A field's shape (from the schemas).
  'required',
  'too-short',
  'too-long',
  'too-few',
  'too-many',
  'too-small',
  'too-large',
  'invalid-email',
  'invalid-date',
  'invalid-choice',
  'invalid-value',
  'unknown-country',
  'nothing-changed',
  // A change as a whole whose fields break rules (the issues say which).
  'invalid-input',
  // The registry.
  'dpa-expires-before-signed',
  'transfer-needs-mechanism',
  'transfer-no-adequacy',
  'transfer-needs-scc-module',
  'transfer-us-not-certified',
  'decision-date-missing',
  'decision-before-notice',
  'legitimate-interest-missing',
  'art9-ground-missing',
  'unknown-recipient',
  // Requests.
  'receipt-in-future',
  'unknown-account',
  'invalid-duplicate-target',
  'invalid-assignee',
  'no-authority',
  'no-new-date',
  'invalid-transition',
  'wrong-message',
  'no-account',
  'no-email',
  'no-postal-address',
  // Breach incidents.
  'breach-no-categories',
  'breach-no-identifiers',
  'dpc-move-without-reason',
  'range-inverted',
  'aware-before-discovery',
  'aware-in-future',
  'unknown-processor',
  'processor-aware-after-us',
  'unknown-staff',
  'unknown-activity',
  'not-assessed',
  'decision-needs-justification',
  'incident-undecided',
  'late-without-reasons',
  'duplicate-task',
  'unknown-task',
  'task-needs-evidence',
  'no-report-yet',
  'report-incomplete',
  'exemption-not-encrypted',
  'public-communication-missing',
  'unknown-incident',
  'notice-not-decided',
  'audience-empty',
  'policy-inverted',
  'sent-in-future',
  'sent-too-early',
  'report-pending',
  'incident-unreported',
  'task-not-your-role',
  'audience-offline',
  'query-offline',
  // Policy versions.
  'duplicate-section',
  'invalid-policy-id',
  'policy-number-gap',
  'unknown-policy-version',
  'policy-not-editable',
  'invalid-policy-transition',
  'four-eyes',
  'effective-in-past',
  'policy-unclassified',
  'unknown-comment',
  'unknown-section',
  'stale-base',
  // Telling users of a material change.
  'invalid-campaign-id',
  'campaign-minor',
  'campaign-not-scheduled',
  'send-in-past',
  'lead-too-short',
  'lead-reason-missing',
  'campaign-cancelled',
  'campaign-still-sending',
  'too-many-reminders',
  'campaign-version-withdrawn',
  'nobody-to-remind',
  'campaign-finished',
  'campaign-exists',
  'campaign-effective-passed',
  // Access reviews.
  'due-in-past',
  'review-empty',
  'review-closed',
  'review-undecided',
  'already-decided',
  'not-reviewer',
  'self-review',
  'justification-required',
  'reduce-same-scope',
  'expiry-out-of-range',
  'already-revoked',
  'not-failed',
  'grant-not-live',
  'review-no-reviewer',
  'changed-since-future',
  'review-all-decided',
  'reminder-too-soon',
  // Letter templates.
  'unknown-placeholder',
  'placeholder-required',
  'already-extended',
  'extension-too-late',
  'duplicate-of-itself',
  'not-delivered',
  'not-carried-out-yet',
  'wrong-job',
  'rectification-without-fields',
  'objection-without-purposes',
  'job-running',
  'already-fulfilled',
  'already-delivered',
  'job-exists',
  'unknown-item',
  'already-excluded',
  'not-excluded',
  'no-recipient-duty',
  'not-carried-out',
  'informed-date-out-of-range',
  'already-informed',
  'unknown-job',
  'job-not-ready',
  // The console's own checks.
  'already-exists',
  'too-many-matches',
  'lookup-offline',
  'report-while-loading',
  'audit-log-offline',
  'too-many-entries',
  'templates-not-loaded',
  'invalid-clock-settings',
  'invalid-query',
  'controller-details-missing',
  'controller-address-missing',
  'role-lacks-scope',
  // What the platform said of a write it refused, where no rule of the domain names it.
  'refused-forbidden',
  'refused-not-found',
  'refused-key-reused',
  'refused-unknown-change',
  'refused-invalid-change',
  'refused-other-identity',
] as const;

export type ProblemCode = (typeof problemCodes)[number];
export type ProblemParams = Record<string, string | number>;

/** What is wrong with which field: forms show it in place, in the user's language. */
export interface Problem {
  path: string;
  code: ProblemCode;
  params?: ProblemParams;
  /** English, for logs and API clients. */
  message: string;
}

export const isProblemCode = (code: unknown): code is ProblemCode => (problemCodes as readonly unknown[]).includes(code);

/**
 * A rule's code for a custom schema issue (`ctx.addIssue({ …, params: problem('…') })`), so the issue keeps
 * its meaning past the English message.
 */
export const problem = (code: ProblemCode, params: ProblemParams = {}) => ({ problem: code, ...params });

/** One schema issue as a problem: custom rules by their code, built-in checks by what they check. */
function problemOf(issue: z.core.$ZodIssue): Pick<Problem, 'code' | 'params'> {
  const extra = (issue as { params?: ProblemParams & { problem?: unknown } }).params;
  if (issue.code === 'custom' && extra && isProblemCode(extra.problem)) {
    const { problem: code, ...params } = extra;
    return { code, params };
  }
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const countable = issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set';
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (!countable)
        return issue.code === 'too_small'
          ? { code: 'too-small', params: { minimum: limit } }
          : { code: 'too-large', params: { maximum: limit } };
      // Empty where something is needed reads as "required", not as "at least 1 character".
      if (issue.code === 'too_small' && limit <= 1) return { code: 'required' };
      if (issue.origin === 'string')
        return issue.code === 'too_small'
          ? { code: 'too-short', params: { minimum: limit } }
          : { code: 'too-long', params: { maximum: limit } };
      return issue.code === 'too_small'
        ? { code: 'too-few', params: { minimum: limit } }
        : { code: 'too-many', params: { maximum: limit } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid-email' };
      if (issue.format === 'date' || issue.format === 'datetime') return { code: 'invalid-date' };
      return { code: 'invalid-value' };
    case 'invalid_value':
      return { code: 'invalid-choice' };
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? { code: 'required' } : { code: 'invalid-value' };
    case 'invalid_union':
      // `z.email().or(z.literal(''))` and the like: the first branch says what was meant.
      return issue.errors[0]?.[0] ? problemOf(issue.errors[0][0]) : { code: 'invalid-value' };
    default:
      return { code: 'invalid-value' };
  }
}

/** The issues of a failed schema check, as problems on their fields. */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), ...problemOf(issue), message: issue.message }));
}
