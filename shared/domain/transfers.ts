/** EU member states and the other EEA states (IS, LI, NO): no Chapter V transfer when data stays here. */
const eea = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
]);

/**
 * Countries with an Art. 45 adequacy decision (Commission list as of 2026). US adequacy (EU-US Data Privacy
 * Framework) covers only certified organisations, which the officer confirms per processor.
 */
const adequate = new Set(['AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY', 'US']);

// Region codes Intl knows that are not countries.
const notCountries = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** ISO 3166-1 alpha-2, as far as the runtime's ICU data knows it (an unknown code names itself). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !notCountries.has(code) && regionNames.of(code) !== code;
}

export const isEea = (country: string) => eea.has(country);
export const hasAdequacy = (country: string) => adequate.has(country);

export type TransferMechanism = 'none' | 'adequacy' | 'scc' | 'bcr' | 'art49';

export interface TransferProblem {
  path: 'mechanism' | 'sccModule';
  code: 'transfer-needs-mechanism' | 'transfer-no-adequacy' | 'transfer-needs-scc-module';
  params: { countries: string };
  message: string;
}

/** What Chapter V requires of data going to `countries` under `mechanism` (empty when it holds). */
export function transferProblems(countries: readonly string[], mechanism: TransferMechanism, sccModule: string | null): TransferProblem[] {
  const third = countries.filter((c) => !isEea(c));
  if (third.length === 0) return [];
  if (mechanism === 'none') {
    return [
      {
        path: 'mechanism',
        code: 'transfer-needs-mechanism',
        params: { countries: third.join(', ') },
        message: `Data goes to a third country (${third.join(', ')}): a transfer mechanism is required (Art. 44-49).`,
      },
    ];
  }
  if (mechanism === 'adequacy') {
    const without = third.filter((c) => !hasAdequacy(c));
    if (without.length) {
      return [
        {
          path: 'mechanism',
          code: 'transfer-no-adequacy',
          params: { countries: without.join(', ') },
          message: `No adequacy decision covers ${without.join(', ')} (Art. 45).`,
        },
      ];
    }
  }
  if (mechanism === 'scc' && !sccModule) {
    return [
      {
        path: 'sccModule',
        code: 'transfer-needs-scc-module',
        params: { countries: third.join(', ') },
        message: 'Name the module of the standard contractual clauses (2021/914).',
      },
    ];
  }
  return [];
}
