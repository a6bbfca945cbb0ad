import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonTexts } from '../app/i18n';
import { features } from '../features';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'privacy-console.language';

/**
 * The namespaces: the shell's texts (`common`) and one per feature; a feature's screens look up their own
 * namespace, then the shell's, and the compiler checks every key. Enumerations are not texts: they are named
 * from the label table (shared/domain/labels.ts, `useLabels`), as the exports and notifications name them.
 */
type FeatureResources = { [F in (typeof features)[number] as F['namespace']]: F['texts']['de'] };
export type Resources = { common: typeof commonTexts.de } & FeatureResources;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: 'common';
    resources: Resources;
  }
}

export function resources(): Record<Language, Record<string, object>> {
  const of = (language: Language) =>
    Object.fromEntries([['common', commonTexts[language]], ...features.map((feature) => [feature.namespace, feature.texts[language]])]);
  return { de: of('de'), en: of('en') };
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'de';
}

export async function initI18n(language: Language = initialLanguage()) {
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng: language,
    fallbackLng: 'de',
    ns: ['common', ...features.map((feature) => feature.namespace)],
    defaultNS: 'common',
    fallbackNS: 'common',
    interpolation: { escapeValue: false },
    // A key no catalogue has shows as the raw key: say so where the end-to-end tests look (the console).
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key, _fallback, _update, options) => {
      if ((options as { defaultValue?: unknown } | undefined)?.defaultValue === undefined)
        console.error(`Missing text: ${namespace}:${key} (${[languages].flat().join(', ')})`);
    },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (next) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
  });
  return i18next;
}

/**
 * A text whose key a feature declares as data (navigation, keyboard help, conflict labels). Those keys are
 * checked against the feature's catalogue by its types and by a test; `t`'s own key types cannot follow them.
 */
export function declaredText(namespace: string, key: string, options: Record<string, unknown> = {}): string {
  return (i18next.t as unknown as (key: string, options: Record<string, unknown>) => string)(key, { ...options, ns: namespace });
}
