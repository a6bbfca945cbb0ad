import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../i18n';

/** German or English, kept for the next start; in the header, and on the connection screen. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(value) => void i18n.changeLanguage(value as Language)}
      data={languages.map((language) => ({ value: language, label: language.toUpperCase() }))}
    />
  );
}
