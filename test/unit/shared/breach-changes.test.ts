import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoActivities } from '../../../sandbox/seed/activities';
import { demoPlaybooks, generateIncidents } from '../../../sandbox/seed/incidents';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { createRandom } from '../../../sandbox/seed/random';
import { demoStaff } from '../../../sandbox/seed/staff';
import { NoticeSend } from '../../../shared/api/breach-notices';
import { PlaybookSave } from '../../../shared/api/breach-playbooks';
import { type Incident, IncidentAssess } from '../../../shared/api/breaches';
import {
  assessIncident,
  createIncident,
  decideNotification,
  recordExemption,
  setIncidentStatus,
  setReference,
  tickTask,
  updateIncident,
} from '../../../shared/domain/breach-changes';
import { composeNotice, sendNotice } from '../../../shared/domain/breach-notices';
import { savePlaybook, taskOverdue } from '../../../shared/domain/breach-playbooks';
import { missingForReport, submitReport } from '../../../shared/domain/breach-reports';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { RuleError } from '../../../shared/domain/rules';
import type { MutationContext } from '../../../shared/entities/descriptor';

const HOUR = 3_600_000;
const playbooks = demoPlaybooks(new Date());
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function context(at: Date | string = new Date(), extra: Record<string, unknown> = {}, actor = 'stf_vogel'): MutationContext {
  return {
    actor,
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
    },
    ctx,
  );
}

const strictCircumstances = { confidentiality: 0.25, integrity: 0, availability: 0, malicious: false };
const lead = context(new Date(), {}, 'stf_krueger');

const draft = {
  sentAt: ctx.at,
  timeZone: 'Europe/Berlin',
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

  it('the policy the platform holds decides the recommendation, whatever a client would like, and a re-run keeps it', () => {
    const incident = logged();
    const held = { id: 'bp_default', version: 3, updatedAt: ctx.at, authorityFrom: 'low', subjectsFrom: 'medium', savedBy: 'stf_vogel' };
    const strict = assessIncident(
      incident,
      {
        identifiers: ['limited'],
        circumstances: { confidentiality: 0.25, integrity: 0, availability: 0, malicious: false },
        adjustments: [],
      },
      context(new Date(), { 'breachPolicy:bp_default': held }),
    );
    // A client cannot bring its own policy along: the arguments are checked strictly.
    expect(
      IncidentAssess.safeParse({
        identifiers: ['limited'],
        circumstances: strictCircumstances,
        policy: { authorityFrom: 'very_high', subjectsFrom: 'very_high' },
      }).success,
    ).toBe(false);
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
    expect(refusal(() => tickTask(incident, { key: 'contain-isolate', done: true, evidence: '' }, lead)).code).toBe('task-needs-evidence');
    expect(refusal(() => tickTask(incident, { key: 'nope', done: true, evidence: '' }, lead)).code).toBe('unknown-task');
    // A task belongs to its role: the privacy officer ticks the decision, not the containment.
    expect(refusal(() => tickTask(incident, { key: 'contain-isolate', done: true, evidence: 'Ticket SEC-7' }, ctx))).toEqual({
      code: 'task-not-your-role',
      params: { role: 'security_lead' },
    });
    expect(
      tickTask(incident, { key: 'decide-notification', done: true, evidence: '' }, ctx).playbook.tasks.find(
        (t) => t.key === 'decide-notification',
      )?.done,
    ).toMatchObject({ by: 'stf_vogel' });
    const ticked = tickTask(incident, { key: 'contain-isolate', done: true, evidence: 'Ticket SEC-7' }, lead);
    const task = ticked.playbook.tasks.find((t) => t.key === 'contain-isolate');
    expect(task?.done).toMatchObject({ by: 'stf_krueger', evidence: 'Ticket SEC-7' });
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
    expect(tickTask(ticked, { key: 'contain-isolate', done: true, evidence: 'x' }, lead)).toBe(ticked);
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

describe('after the authority was notified', () => {
  const decide = (incident: Incident, at = ctx) =>
    decideNotification(
      incident,
      { authority: true, subjects: false, justification: 'Erst die Forensik abwarten, dann entscheiden.', delayReasons: '' },
      at,
    );

  it('a report is sent when the officer says, neither in the future nor before awareness or the previous report; lateness reads that instant', () => {
    const late = logged(80);
    // Decided within the 72 hours (recorded as it happened), the report recorded only now.
    const incident = decide(late, context(new Date(Date.parse(late.awareAt) + 10 * HOUR)));
    expect(refusal(() => submitReport(incident, { ...draft, sentAt: '2099-01-01T00:00:00.000Z' }, ctx)).code).toBe('sent-in-future');
    expect(refusal(() => submitReport(incident, { ...draft, sentAt: '2000-01-01T00:00:00.000Z' }, ctx)).code).toBe('sent-too-early');
    // Sent by fax 20 hours after awareness, recorded now (80 hours after): on time, no reasons asked for.
    const faxed = new Date(Date.parse(incident.awareAt) + 20 * HOUR).toISOString();
    const reported = submitReport(incident, { ...draft, channel: 'fax', sentAt: faxed }, ctx);
    expect(reported.reports[0]).toMatchObject({ submittedAt: faxed, content: { submittedAt: faxed, delayReasons: null } });
  });

  it('a moved recommendation leaves the decision standing and asks for a review; closing needs the report', () => {
    let incident = decide({ ...logged(), categories: ['account'], encryption: 'encrypted_key_safe' });
    expect(refusal(() => setIncidentStatus(incident, { status: 'closed', note: 'Nachbereitung fertig.' }, ctx)).code).toBe(
      'incident-unreported',
    );
    incident = submitReport(incident, draft, ctx);
    const changed = updateIncident(incident, { encryption: 'encrypted_key_compromised', categories: ['account', 'payments'] }, ctx);
    expect(changed.decision).toEqual(incident.decision);
    expect(changed.timeline.at(-1)?.kind).toBe('decision_review');
    // Deciding again now (to tell the people) is not a late notification of the authority.
    const later = context(new Date(Date.now() + 100 * HOUR));
    const again = decideNotification(changed, { authority: true, subjects: true, justification: '', delayReasons: '' }, later);
    expect(again.decision).toMatchObject({ subjects: true, delayReasons: '' });
    expect(setIncidentStatus(again, { status: 'closed', note: 'Nachbereitung fertig.' }, ctx).status).toBe('closed');
  });
});
