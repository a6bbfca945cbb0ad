import { useTranslation } from 'react-i18next';
import { type LabelTable, labels } from '../../shared/domain/labels';

export type { LabelTable };

/** The label table in the user's language: the one name of every enumeration value (as in the exports). */
export function useLabels(): LabelTable {
  const { i18n } = useTranslation();
  return labels[i18n.language === 'en' ? 'en' : 'de'];
}

/** Select options for an enumeration, named from the label table. */
export const optionsOf = <T extends string>(values: readonly T[], names: Record<T, string>) =>
  values.map((value) => ({ value, label: names[value] }));

/** A value named from the label table, or shown as it is where the table has none (text a platform sent). */
export const nameOr = (names: Record<string, string>, value: string): string => names[value] ?? value;
