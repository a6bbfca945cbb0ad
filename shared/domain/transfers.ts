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
// The exceptionally reserved territories (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla, the
// Canaries, Tristan da Cunha): part of another country's entry, not offered as countries of their own.
const reserved = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * ISO 3166-1 alpha-2 as far as the runtime's ICU data knows it (an unknown code names itself). Former and
 * alias codes (UK, DD) stay valid, so what was stored with them stays readable; the picker offers current ones.
 */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !notCountries.has(code) && regionNames.of(code) !== code;
}

/** A code Intl replaces by another is a former or an alias one (DD, SU, YU; UK for GB). */
const isCurrent = (code: string) => Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;

/** What the country picker offers: current codes of countries, each country once (the United Kingdom is GB). */
export const isListedCountry = (code: string) => isCountryCode(code) && isCurrent(code) && !reserved.has(code);

export const isEea = (country: string) => eea.has(country);
export const hasAdequacy = (country: string) => adequate.has(country);

export type TransferMechanism = 'none' | 'adequacy' | 'scc' | 'bcr' | 'art49';

export interface TransferProblem {
  path: 'mechanism' | 'sccModule' | 'dpfCertified';
  code: 'transfer-needs-mechanism' | 'transfer-no-adequacy' | 'transfer-needs-scc-module' | 'transfer-us-not-certified';
  params: { countries: string };
  message: string;
}

export interface TransferTerms {
  mechanism: TransferMechanism;
  sccModule: string | null;
  dpfCertified: boolean | null;
}

/** The US is adequate for organisations certified under the EU-US Data Privacy Framework only. */
export const needsDpfAnswer = (countries: readonly string[], mechanism: TransferMechanism) =>
  mechanism === 'adequacy' && countries.includes('US');

/**
 * What Chapter V requires of data going to `countries` under the transfer's terms (empty when it holds). A US
 * recipient not certified under the DPF has no adequacy; one not yet checked is a reminder, not a refusal.
 */
export function transferProblems(countries: readonly string[], { mechanism, sccModule, dpfCertified }: TransferTerms): TransferProblem[] {
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
  if (needsDpfAnswer(third, mechanism) && dpfCertified === false) {
    return [
      {
        path: 'dpfCertified',
        code: 'transfer-us-not-certified',
        params: { countries: 'US' },
        message: 'Without certification under the EU-US Data Privacy Framework no adequacy decision covers the US: use SCCs (Art. 46).',
      },
    ];
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
