import { describe, expect, it } from 'vitest';
import { demoActivities } from '../../../sandbox/seed/activities';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { article15Information, processorsHolding } from '../../../shared/domain/registry-queries';

describe('Art. 19: processors holding data categories', () => {
  it('finds processors by their own categories and as recipients of activities processing them', () => {
    const held = processorsHolding(['rechnungsdaten'], demoProcessors, demoActivities);
    expect(held.map((h) => h.id)).toEqual(['prc_hosting-nordcloud', 'prc_payments-zahlwerk']);
    expect(held.find((h) => h.id === 'prc_payments-zahlwerk')?.viaActivities).toEqual(['Zahlungen und Rechnungen']);
  });

  it('leaves out terminated processors and unrelated ones', () => {
    const terminated = demoProcessors.map((p) => (p.id === 'prc_email-postfach' ? { ...p, status: 'terminated' as const } : p));
    expect(processorsHolding(['E-Mail-Adresse'], demoProcessors, demoActivities).map((h) => h.id)).toContain('prc_email-postfach');
    expect(processorsHolding(['E-Mail-Adresse'], terminated, demoActivities).map((h) => h.id)).not.toContain('prc_email-postfach');
    expect(processorsHolding(['Gesundheitsdaten'], demoProcessors, demoActivities)).toEqual([]);
  });
});

describe('Art. 15(1) information', () => {
  it('gives purposes with legal bases, categories, recipients with countries, and retention for a learner', () => {
    const info = article15Information(['Lernende'], demoProcessors, demoActivities);
    expect(info.purposes.map((p) => p.activity)).toContain('Kursfortschritt und Prüfungen');
    expect(info.purposes.map((p) => p.activity)).not.toContain('Zahlungen und Rechnungen');
    expect(info.categories).toContain('Prüfungsergebnisse');
    expect(info.recipients).toContainEqual({
      name: 'Streamcraft Video, Inc.',
      countries: ['US'],
      mechanism: 'adequacy',
      dpfCertified: true,
    });
    expect(info.retention).toContainEqual({ category: 'Forenbeiträge', period: 'Bis zur Löschung des Kontos, danach anonymisiert' });
  });

  it('includes payments and the tax advisers for a paying customer', () => {
    const info = article15Information(['Kundinnen und Kunden'], demoProcessors, demoActivities);
    expect(info.purposes.map((p) => p.legalBasis)).toContain('art6_1_c');
    expect(info.recipients.map((r) => r.name)).toContain('Steuerberatung');
    expect(new Set(info.recipients.map((r) => r.name)).size).toBe(info.recipients.length);
  });
});
