import type { TFunction } from 'i18next';

/** Rule and field messages in the user's language; the schema's English text is the fallback. */
export function issueText(path: string, message: string, t: TFunction<'processors'>): string {
  if (path === 'dpa.expiresAt' && /expire/.test(message)) return t('processors.errors.expiresBeforeSigned');
  if (path === 'transfer.mechanism')
    return /adequacy/i.test(message) ? t('processors.errors.noAdequacy') : t('processors.errors.needsMechanism');
  if (path === 'transfer.sccModule') return t('processors.errors.needsModule');
  if (path.startsWith('countries') && /country/.test(message)) return t('processors.errors.unknownCountry');
  if (/too small|at least|expected string to have >=/i.test(message)) return t('processors.errors.required');
  return message || t('processors.errors.invalid');
}

/** Issues keyed by the form field they belong to (`countries.1` belongs to `countries`). */
export function issuesByField(issues: { path: string; message: string }[], t: TFunction<'processors'>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const text = issueText(issue.path, issue.message, t);
    byField[issue.path.replace(/\.\d+$/, '')] ??= text;
    // Nested issues (retention.0.period) also mark their top-level field.
    byField[issue.path.split('.')[0]] ??= text;
  }
  return byField;
}
