import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoActivities } from '../../../sandbox/seed/activities';
import { demoPlaybooks, generateIncidents } from '../../../sandbox/seed/incidents';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { createRandom } from '../../../sandbox/seed/random';
import { demoStaff } from '../../../sandbox/seed/staff';
import { NoticeSend } from '../../../shared/api/breach-notices';
import { PlaybookSave } from '../../../shared/api/breach-playbooks';
import type { Incident } from '../../../shared/api/breaches';
import {
  assessIncident,
  createIncident,
  decideNotification,
  recordExemption,
  setReference,
  tickTask,
  updateIncident,
} from '../../../shared/domain/breach-changes';
import { composeNotice, sendNotice } from '../../../shared/domain/breach-notices';
import { savePlaybook, taskOverdue } from '../../../shared/domain/breach-playbooks';
import { canonicalJson, missingForReport, submitReport } from '../../../shared/domain/breach-reports';
import { RuleError } from '../../../shared/domain/rules';
import type { MutationContext } from '../../../shared/entities/descriptor';

const HOUR = 3_600_000;
const playbooks = demoPlaybooks(new Date());
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function context(at: Date | string = new Date(), extra: Record<string, unknown> = {}): MutationContext {
  return {
    actor: 'stf_vogel',
    at: typeof at === 'string' ? at : at.toISOString(),
    newId: () => crypto.randomUUID(),
    digest: sha256,
    find: ((entity: string, id: string) =>
      (entity === 'staff'
        ? demoStaff.find((s) => s.id === id)
        : entity === 'activity'
          ? demoActivities.find((a) => a.id === id)
          : entity === 'processor'
            ? demoProcessors.find((p) => p.id === id)
            : entity === 'playbook'
              ? playbooks.find((p) => p.id === id)
              : (extra[`${entity}:${id}`] ?? null)) ?? null) as MutationContext['find'],
  };
}
const ctx = context();

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof RuleError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('not refused');
};

/** An incident as logged now (aware `hoursAgo` hours ago), on its family's playbook, assessed as very high. */
function logged(hoursAgo = 10, family: Incident['family'] = 'ransomware'): Incident {
  const [seeded] = generateIncidents(createRandom(3), 1, new Date()).incidents;
  const aware = new Date(Date.now() - hoursAgo * HOUR);
  const { id, version, updatedAt, status, assessments, decision, timeline, playbook, reports, authorityReference, exemption, ...facts } =
    seeded;
  const created = createIncident(
    {
      ...facts,
      consequences: 'Phishing mit echten Namen möglich.',
      measures: 'Systeme isoliert, Schlüssel rotiert.',
      id: 'inc_test',
      family,
      discoveredAt: new Date(aware.getTime() - HOUR).toISOString(),
      awareAt: aware.toISOString(),
    },
    context(aware),
  );
  return assessIncident(
    created,
    {
      identifiers: ['maximum'],
      circumstances: { confidentiality: 0.5, integrity: 0, availability: 0, malicious: true },
      adjustments: [],
      policy: { authorityFrom: 'medium', subjectsFrom: 'high' },
    },
    ctx,
  );
}

const draft = {
  reportId: 'rep_1',
  phase: 'initial' as const,
  channel: 'portal' as const,
  language: 'de' as const,
  region: 'DE-BE',
  controller: { name: 'Lernwerk Akademie GmbH', address: 'Friedrichstraße 68, 10117 Berlin', contact: 'kontakt@example.de' },
  contact: { name: 'Dr. Katrin Vogel', contact: 'datenschutz@example.de' },
  delayReasons: '',
  update: '',
};

describe('breach incidents', () => {
  it('a decision taken on a recommendation that moved is void, and the timeline says so', () => {
    let incident: Incident = { ...logged(), categories: ['account'], encryption: 'encrypted_key_safe', decision: null };
    incident = assessIncident(
      incident,
      {
        identifiers: ['maximum'],
        circumstances: { confidentiality: 0.5, integrity: 0, availability: 0, malicious: true },
        adjustments: [],
        policy: { authorityFrom: 'medium', subjectsFrom: 'high' },
      },
      ctx,
    );
    const recommended = incident.assessments.at(-1)?.recommendation ?? { authority: false, subjects: false };
    incident = decideNotification(incident, { ...recommended, justification: '', delayReasons: '' }, ctx);
    expect(incident.decision).not.toBeNull();
    // The key turns out compromised: the people must now be told, so the decision must be taken again.
    const changed = updateIncident(incident, { encryption: 'encrypted_key_compromised', categories: ['account', 'payments'] }, ctx);
    expect(changed.decision).toBeNull();
    expect(changed.timeline.at(-1)?.kind).toBe('decision_void');
    expect(changed.timeline.at(-2)).toMatchObject({
      kind: 'reassessed',
      params: { moved: expect.stringContaining('recommendation.subjects') },
    });
    // A change that moves nothing the decision rests on keeps it.
    expect(updateIncident(incident, { title: 'Neuer Titel des Vorfalls' }, ctx).decision).toEqual(incident.decision);
  });

  it('a stricter policy recommends telling the people from a lower band, and a re-run keeps the policy', () => {
    const incident = logged();
    const strict = assessIncident(
      incident,
      {
        identifiers: ['limited'],
        circumstances: { confidentiality: 0.25, integrity: 0, availability: 0, malicious: false },
        adjustments: [],
        policy: { authorityFrom: 'low', subjectsFrom: 'medium' },
      },
      ctx,
    );
    const last = strict.assessments.at(-1);
    expect(last?.band).toBe('low');
    expect(last?.recommendation).toEqual({ authority: true, subjects: false });
    const rerun = updateIncident(strict, { people: { min: 10, max: 500 } }, ctx).assessments.at(-1);
    expect(rerun?.policy).toEqual({ authorityFrom: 'low', subjectsFrom: 'medium' });
  });
});

describe('playbooks', () => {
  it("an incident starts on its family's playbook revision, and keeps it when the playbook changes", () => {
    const incident = logged(10, 'lost_device');
    expect(incident.playbook.revision).toBe(1);
    expect(incident.playbook.tasks.map((task) => task.key)).toContain('contain-wipe');
    expect(incident.playbook.tasks.every((task) => task.done === null)).toBe(true);
    const pb = playbooks.find((p) => p.family === 'lost_device');
    if (!pb) throw new Error('no playbook');
    const next = savePlaybook(pb, PlaybookSave.parse({ tasks: pb.tasks.slice(1), note: 'Gerät zuerst orten' }), ctx);
    expect(next.revision).toBe(2);
    expect(next.history.at(-1)).toMatchObject({ revision: 1, tasks: pb.tasks });
    // Saving the same tasks again is no change at all.
    expect(savePlaybook(next, PlaybookSave.parse({ tasks: next.tasks }), ctx)).toBe(next);
    expect(incident.playbook.tasks).toHaveLength(pb.tasks.length);
  });

  it('a task with evidence is ticked only with where the evidence is; overdue is past its hour and not done', () => {
    const incident = logged(10);
    expect(refusal(() => tickTask(incident, { key: 'contain-isolate', done: true, evidence: '' }, ctx)).code).toBe('task-needs-evidence');
    expect(refusal(() => tickTask(incident, { key: 'nope', done: true, evidence: '' }, ctx)).code).toBe('unknown-task');
    const ticked = tickTask(incident, { key: 'contain-isolate', done: true, evidence: 'Ticket SEC-7' }, ctx);
    const task = ticked.playbook.tasks.find((t) => t.key === 'contain-isolate');
    expect(task?.done).toMatchObject({ by: 'stf_vogel', evidence: 'Ticket SEC-7' });
    expect(ticked.timeline.at(-1)).toMatchObject({ kind: 'task', params: { key: 'contain-isolate', done: true } });
    // Due 2 hours after awareness, 10 hours ago: overdue until ticked.
    const open = incident.playbook.tasks.find((t) => t.key === 'contain-isolate');
    if (!open || !task) throw new Error('no task');
    expect(taskOverdue(incident.awareAt, open, new Date())).toBe(true);
    expect(taskOverdue(incident.awareAt, task, new Date())).toBe(false);
    // A task due in 72 hours is not overdue yet.
    const later = incident.playbook.tasks.find((t) => t.dueHours === 72);
    if (!later) throw new Error('no task due at 72 h');
    expect(taskOverdue(incident.awareAt, later, new Date())).toBe(false);
    // Ticking again what is done changes nothing.
    expect(tickTask(ticked, { key: 'contain-isolate', done: true, evidence: 'x' }, ctx)).toBe(ticked);
  });

  it('a playbook with the same task key twice is refused', () => {
    const task = playbooks[0].tasks[0];
    const parsed = PlaybookSave.safeParse({ tasks: [task, task] });
    expect(parsed.success).toBe(false);
  });
});

describe('reports to the authority', () => {
  const decided = (incident: Incident, at = ctx) =>
    decideNotification(
      incident,
      { authority: true, subjects: true, justification: 'Vorsorglich beide, Minderjährige sind betroffen.', delayReasons: '' },
      at,
    );

  it('names everything still missing, and refuses to submit until it is there', () => {
    const incident = { ...logged(), consequences: '', measures: '' };
    expect(missingForReport(incident, draft, ctx.at)).toEqual(['not-decided', 'consequences', 'measures']);
    const empty = { ...draft, region: 'DE-XX', controller: { name: '', address: '', contact: '' }, contact: { name: '', contact: '' } };
    expect(missingForReport(decided(incident), empty, ctx.at)).toEqual(['authority', 'controller', 'contact', 'consequences', 'measures']);
    const refused = refusal(() => submitReport(decided(incident), draft, ctx));
    expect(refused).toEqual({ code: 'report-incomplete', params: { missing: 'consequences,measures' } });
  });

  it('freezes what it said with the SHA-256 of its canonical JSON; follow-ups need the reference; nothing after the final one', () => {
    let incident = decided(logged());
    incident = submitReport(incident, draft, ctx);
    const [initial] = incident.reports;
    expect(initial.content).toMatchObject({
      phase: 'initial',
      reference: null,
      authority: { region: 'DE-BE', name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit' },
      contact: draft.contact,
      consequences: incident.consequences,
      delayReasons: null,
    });
    expect(initial.sha256).toBe(sha256(canonicalJson(initial.content)));
    // Key order does not change the fingerprint (the cache and the platform may store keys in any order).
    const reordered = Object.fromEntries(Object.entries(initial.content).reverse());
    expect(sha256(canonicalJson(reordered))).toBe(initial.sha256);

    const followUp = { ...draft, reportId: 'rep_2', phase: 'follow_up' as const, update: 'Forensik abgeschlossen, Umfang bestätigt.' };
    expect(refusal(() => submitReport(incident, followUp, ctx)).params).toEqual({ missing: 'reference' });
    expect(refusal(() => submitReport(incident, { ...draft, reportId: 'rep_9' }, ctx)).params).toEqual({ missing: 'initial-exists' });
    incident = setReference(incident, { reference: 'BlnBDI-DP-2026-0042' }, ctx);
    // A later change of the facts does not touch what was submitted.
    const measuresBefore = incident.reports[0].content.measures;
    incident = updateIncident(incident, { measures: 'Alle Passwörter zurückgesetzt, EDR auf allen Servern.' }, ctx);
    expect(incident.reports[0].content.measures).toBe(measuresBefore);
    incident = submitReport(incident, followUp, ctx);
    expect(incident.reports[1].content).toMatchObject({ reference: 'BlnBDI-DP-2026-0042', update: followUp.update });
    expect(incident.reports[1].content.measures).toBe('Alle Passwörter zurückgesetzt, EDR auf allen Servern.');
    incident = submitReport(
      incident,
      { ...followUp, reportId: 'rep_3', phase: 'final', update: 'Abgeschlossen, alle Maßnahmen umgesetzt.' },
      ctx,
    );
    expect(refusal(() => submitReport(incident, { ...followUp, reportId: 'rep_4' }, ctx)).params).toEqual({ missing: 'final-exists' });
    expect(incident.timeline.filter((e) => e.kind === 'report').map((e) => e.params.phase)).toEqual(['initial', 'follow_up', 'final']);
  });

  it('a late initial report carries the reasons for the delay: its own, or those the late decision gave', () => {
    const lateCtx = context(new Date());
    const incident = decideNotification(
      logged(80),
      {
        authority: true,
        subjects: true,
        justification: 'Vorsorglich beide, Minderjährige sind betroffen.',
        delayReasons: 'Forensik abgewartet.',
      },
      lateCtx,
    );
    expect(missingForReport(incident, draft, lateCtx.at)).toEqual([]);
    expect(submitReport(incident, draft, lateCtx).reports[0].content.delayReasons).toBe('Forensik abgewartet.');
    const without: Incident = { ...incident, decision: incident.decision && { ...incident.decision, delayReasons: '' } };
    expect(missingForReport(without, draft, lateCtx.at)).toEqual(['delay-reasons']);
    const submitted = submitReport(without, { ...draft, delayReasons: 'Der Umfang war erst nach der Forensik bekannt.' }, lateCtx);
    expect(submitted.reports[0].content.delayReasons).toBe('Der Umfang war erst nach der Forensik bekannt.');
    // On time, no reasons are asked for and none are printed.
    const onTime = decideNotification(
      logged(5),
      { authority: true, subjects: true, justification: 'Vorsorglich beide, Minderjährige sind betroffen.', delayReasons: '' },
      ctx,
    );
    expect(submitReport(onTime, draft, ctx).reports[0].content.delayReasons).toBeNull();
  });
});

describe('telling the people affected (Art. 34)', () => {
  it('an exemption needs its ground to hold: encryption for (a), a public communication for (c)', () => {
    const incident: Incident = { ...logged(), encryption: 'none' };
    expect(
      refusal(() => recordExemption(incident, { ground: 'unintelligible', reason: 'Alles verschlüsselt.', publicCommunication: null }, ctx))
        .code,
    ).toBe('exemption-not-encrypted');
    expect(
      refusal(() =>
        recordExemption(incident, { ground: 'disproportionate', reason: 'Zu viele Konten ohne E-Mail.', publicCommunication: null }, ctx),
      ).code,
    ).toBe('public-communication-missing');
    const recorded = recordExemption(
      incident,
      { ground: 'disproportionate', reason: 'Zu viele Konten ohne E-Mail.', publicCommunication: { where: 'Startseite', at: ctx.at } },
      ctx,
    );
    expect(recorded.exemption).toMatchObject({ ground: 'disproportionate', publicCommunication: { where: 'Startseite' } });
  });

  it('a notice goes out only where telling the people was decided, with every Art. 34(2) part in both languages', () => {
    const incident = logged();
    const parts = {
      what: 'Ein Angreifer hat Daten kopiert.',
      consequences: 'Es kann zu Phishing-Mails kommen.',
      measures: 'Wir haben die Lücke geschlossen.',
      advice: 'Bitte ändern Sie Ihr Passwort.',
    };
    const args = NoticeSend.parse({
      id: 'ntc_1',
      incidentId: incident.id,
      parts: { de: parts, en: parts },
      contact: 'datenschutz@example.de',
      audience: { kind: 'accounts', userIds: ['usr_1', 'usr_2', 'usr_2'] },
    });
    expect(
      refusal(() => sendNotice(null, args, context(new Date(), { [`incident:${incident.id}`]: incident }) as MutationContext<never>)).code,
    ).toBe('notice-not-decided');
    const decided = decideNotification(
      incident,
      { authority: true, subjects: true, justification: 'Vorsorglich beide, Minderjährige sind betroffen.', delayReasons: '' },
      ctx,
    );
    const notice = sendNotice(null, args, context(new Date(), { [`incident:${incident.id}`]: decided }) as MutationContext<never>);
    expect(notice.counts).toMatchObject({ recipients: 2, queued: 2, sent: 0 });
    expect(notice.state).toBe('queued');
    for (const text of Object.values(parts)) expect(notice.messages.de.body).toContain(text);
    expect(notice.messages.de.body).toContain('datenschutz@example.de');
    expect(composeNotice('en', parts, 'dpo@example.de').body).toContain('What you can do');
  });
});
