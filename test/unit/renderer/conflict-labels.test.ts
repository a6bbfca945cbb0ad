// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { features } from '../../../renderer/features';
import { initI18n } from '../../../renderer/i18n';
import { writeLabel } from '../../../renderer/sync/write-label';
import { demoActivities } from '../../../sandbox/seed/activities';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { entities } from '../../../shared/entities/registry';

/** Arguments of each mutator as a conflict keeps them, for labels to be read against. */
const samples: Record<string, Record<string, Record<string, unknown>[]>> = {
  dsar: {
    create: [{ id: 'dsr_x', subject: { name: 'Jürgen Weiß' } }],
    assign: [{ assigneeId: 'stf_vogel' }, { assigneeId: null }],
    setPriority: [{ priority: 'high' }],
    setTags: [{ tags: ['Presse', 'Eilt'] }, { tags: [] }],
    act: [
      'acknowledge',
      'start',
      'request_identity',
      'record_identity',
      'request_clarification',
      'record_clarification',
      'extend',
      'deny',
      'withdraw',
      'mark_duplicate',
      'complete',
      'add_note',
      'start_job',
      'exclude_item',
      'include_item',
      'deliver',
      'inform_recipient',
    ].map((type) => ({ type })),
  },
  processor: {
    create: [{ ...demoProcessors[0] }],
    update: [{ countries: ['US'], riskRating: 'high', reviewCadenceMonths: 6, subProcessors: [] }],
  },
  activity: { create: [{ ...demoActivities[0] }], update: [{ retention: [], recipientIds: [], art9Ground: null }] },
  template: { save: [{ note: 'Neue Anschrift' }, { note: '' }] },
  incident: {
    create: [{ title: 'Ransomware auf dem Dateiserver' }],
    update: [{ title: 'x', people: { min: 1, max: 2 } }],
    assess: [{ identifiers: ['maximum'] }],
    decide: [{ authority: true, subjects: false }],
    setStatus: [{ status: 'contained', note: 'Ursache behoben.' }],
    tickTask: [{ key: 'contain-isolate', done: true }],
    setAftermath: [{ consequences: 'Phishing möglich.', measures: 'Schlüssel rotiert.' }],
    submitReport: [{ phase: 'initial' }, { phase: 'final' }],
    setReference: [{ reference: 'BlnBDI-DP-2026-0042' }],
    recordExemption: [{ ground: 'risk_removed' }],
  },
  playbook: { save: [{ note: 'Gerät zuerst orten' }] },
  breachPolicy: { save: [{ authorityFrom: 'low', subjectsFrom: 'high' }] },
  grant: { revoke: [{ reason: 'Ausgeschieden', source: 'check:leaver' }], retry: [{ note: '' }] },
  accessReview: { start: [{ title: 'Zahlungsdaten Q4' }], remind: [{ note: '' }], close: [{ note: '' }] },
  reviewItem: { decide: [{ kind: 'keep' }, { kind: 'revoke' }, { kind: 'reduce' }, { kind: 'expire' }] },
  policyCampaign: {
    plan: [{ versionId: 'pol_privacy_de_2', channels: ['email'] }],
    remind: [{ note: '' }],
    cancel: [{ reason: 'Die Fassung wird überarbeitet.' }],
  },
  policyVersion: {
    draft: [{ title: 'Datenschutzerklärung' }],
    edit: [{ changeSummary: 'Neue Empfänger' }],
    classify: [{ kind: 'material', answers: ['new_recipient'], reason: 'Neuer Empfänger' }],
    dismissHint: [{ key: 'activity:act_support', reason: 'Steht in Abschnitt 19.' }],
    comment: [{ commentId: 'cmt_1', sectionId: 's-1', text: 'Bitte präzisieren' }, { resolve: 'cmt_1' }],
    submit: [{ note: '' }],
    approve: [{ note: 'Geprüft' }],
    schedule: [{ effectiveAt: '2026-12-27T00:00:00.000Z' }],
    unschedule: [{ reason: 'Abschnitt 11 ist noch falsch.' }],
  },
  notice: { send: [{ incidentId: 'inc_0001' }] },
};

describe('conflict labels', () => {
  beforeAll(async () => {
    await initI18n('de');
  });

  it('exist for every mutator of every entity, in exactly one feature', () => {
    for (const entity of entities) {
      const owners = features.filter((feature) => entity.name in feature.conflicts);
      if (Object.keys(entity.mutators).length === 0) {
        expect(owners).toHaveLength(0);
        continue;
      }
      expect(
        owners.map((f) => f.namespace),
        entity.name,
      ).toHaveLength(1);
      const labels = (owners[0].conflicts as Record<string, Record<string, unknown>>)[entity.name];
      expect(Object.keys(labels).sort(), entity.name).toEqual(Object.keys(entity.mutators).sort());
      expect(Object.keys(samples[entity.name]).sort(), `samples for ${entity.name}`).toEqual(Object.keys(entity.mutators).sort());
    }
  });

  it.each(['de', 'en'] as const)('read as text, never as a raw key or a raw value (%s)', async (language) => {
    await i18next.changeLanguage(language);
    for (const [entity, mutators] of Object.entries(samples)) {
      for (const [mutator, list] of Object.entries(mutators)) {
        for (const intended of list) {
          const label = writeLabel(entity, mutator, intended, () => 'Dr. Katrin Vogel', language);
          expect(label, `${entity}.${mutator} ${JSON.stringify(intended).slice(0, 40)}`).not.toMatch(
            /^\w+\.\w+$|\bchange\.|\bact\.|undefined|\[object|priority\.|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\b/,
          );
        }
      }
    }
  });
});
