import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem, ProblemCode, ProblemParams } from '../../shared/domain/problems';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { useDateFormat } from './format';
import { type LabelTable, nameOr, useLabels } from './labels';

// Parameters that name an enumeration value are shown by its label; those that hold a day, as a date.
const labelled: Record<string, keyof LabelTable> = {
  status: 'dsarStatus',
  type: 'dsarType',
  job: 'jobKind',
  category: 'dataCategory',
  messageKind: 'messageKind',
  role: 'role',
};
const days = new Set(['baseDue', 'today', 'received']);
// Parameters that hold a comma-separated list of such values (what a report still lacks): each by its label.
const labelledLists: Record<string, keyof LabelTable> = { missing: 'reportGap' };

/**
 * Problems in the user's language: a rule's or a field's problem by its code, a failed call by what it
 * says, field problems keyed by the form field they belong to. The English text from main is never shown
 * in a form; an unexpected failure shows it as the technical detail only.
 */
export function useProblemText() {
  const { t, i18n } = useTranslation('common');
  const names = useLabels();
  const f = useDateFormat();
  const number = useMemo(() => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE'), [i18n.language]);

  const text = useCallback(
    (code: ProblemCode, params: ProblemParams = {}) => {
      const words: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(params)) {
        const table = labelled[key];
        const listTable = labelledLists[key];
        if (listTable && typeof value === 'string') {
          words[key] = value
            .split(',')
            .map((item) => nameOr(names[listTable] as unknown as Record<string, string>, item))
            .join('; ');
          continue;
        }
        words[key] =
          typeof value === 'string' && table
            ? nameOr(names[table] as unknown as Record<string, string>, value)
            : typeof value === 'string' && days.has(key)
              ? f.day(value)
              : typeof value === 'number'
                ? number.format(value)
                : value;
      }
      return t(`problems.${code}`, words);
    },
    [t, names, f, number],
  );

  /** What a failed call says: its problem, or (for invalid fields only) to check them, or its kind of failure. */
  const failure = useCallback(
    (error: unknown): string => {
      if (error instanceof BridgeCallError) {
        if (error.problem) return text(error.problem, error.params);
        if (error.issues.length) return text('invalid-input');
        if (error.code === 'internal' || error.code === 'invalid_input') return t('failures.internal', { detail: error.message });
        return t(error.code === 'not_found' ? 'failures.notFound' : `failures.${error.code}`);
      }
      return t('failures.internal', { detail: error instanceof Error ? error.message : String(error) });
    },
    [t, text],
  );

  /**
   * Field problems keyed where a form shows them: the full path (`transfer.mechanism`), the path without a
   * list index (`countries`), the top-level field (`dpa`) and the last segment (`email` of `subject.email`).
   * The first problem of a field wins.
   */
  const byField = useCallback(
    (issues: readonly Problem[]): Record<string, string> => {
      const found: Record<string, string> = {};
      for (const issue of issues) {
        const sentence = text(issue.code, issue.params);
        const segments = issue.path.split('.');
        for (const key of [issue.path, issue.path.replace(/\.\d+(?=\.|$)/g, ''), segments[0], segments.at(-1) ?? issue.path]) {
          found[key] ??= sentence;
        }
      }
      return found;
    },
    [text],
  );

  return useMemo(() => ({ text, failure, byField }), [text, failure, byField]);
}
