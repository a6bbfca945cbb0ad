import { isEea, isListedCountry } from '../../shared/domain/transfers';

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Every ISO 3166-1 alpha-2 code the runtime knows, computed once. */
const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b)).filter(isListedCountry);

export function countryOptions(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return codes
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})${isEea(code) ? '' : ' *'}` }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

export function countryName(code: string, language: string): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}
