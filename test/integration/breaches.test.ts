import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../sandbox/accounts/account';
import type { Notice } from '../../shared/api/breach-notices';
import type { Incident } from '../../shared/api/breaches';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { testConsole } from '../support/console';
import { exportsOf } from '../support/exports';
import { pdfText } from '../support/pdf-text';
import { workspacePerTest } from '../support/workspace';

const ws = workspacePerTest(5);

const facts = (awareAt: string) => ({
  title: 'Ransomware auf dem Dateiserver',
  description: 'Verschlüsselung der Abrechnungsablage; Backup vorhanden, Abfluss wird geprüft.',
  family: 'ransomware' as const,
  discoveredAt: awareAt,
  awareAt,
  awareDecidedBy: 'stf_krueger',
  ownerId: 'stf_krueger',
  reportedBy: { kind: 'staff' as const, staffId: 'stf_krueger' },
  losses: ['availability' as const, 'confidentiality' as const],
  categories: ['invoices' as const, 'account' as const],
  activityIds: ['act_payments'],
  processorIds: [],
  people: { min: 200, max: 400 },
  records: { min: 1000, max: 2000 },
  vulnerableGroups: [],
  encryption: 'none' as const,
});

describe('the breach register through the console', () => {
  it('a security lead logs and assesses; an officer decides; the platform enforces who may do what', async () => {
    const lead = await testConsole(`${ws.dir.path}/lead`, { ...ws.platform, token: ws.platform.sandbox.tokens.stf_krueger });
    try {
      const awareAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
      const logged = await lead.call('incident.create', facts(awareAt));
      expect(logged).toMatchObject({ pending: true, status: 'open', timeline: [{ kind: 'logged', params: { playbook: 1 } }] });
      const assessed = await lead.call('incident.assess', {
        id: logged.id,
        identifiers: ['maximum'],
        circumstances: { confidentiality: 0.5, integrity: 0, availability: 0.25, malicious: true },
      });
      // Invoices are financial data (DPC 3) × maximum identification (1) + 0.5 + 0.25 + 0.5 = 4.25: very high.
      expect(assessed.assessments.at(-1)).toMatchObject({
        dpc: 3,
        ei: 1,
        cb: 1.25,
        score: 4.25,
        band: 'very_high',
        recommendation: { authority: true, subjects: true },
      });
      await lead.call('sync.now');
      expect(ws.platform.sandbox.store.get<Incident>('incident', logged.id)).toMatchObject({
        version: 2,
        assessments: [{ band: 'very_high' }],
      });
      // A security lead does not decide on notification: the console says so before queueing, the platform refuses too.
      await expect(lead.call('incident.decide', { id: logged.id, authority: true, subjects: true })).rejects.toMatchObject({
        problem: 'role-lacks-scope',
      });
      const direct = await fetch(`${ws.platform.url}/v1/incidents/${logged.id}/decide`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ws.platform.sandbox.tokens.stf_krueger}`,
          'content-type': 'application/json',
          'if-match': '"2"',
          'idempotency-key': 'lead-decides',
        },
        body: JSON.stringify({ authority: true, subjects: true }),
      });
      expect(direct.status).toBe(403);

      // The officer reads it and decides; departing from the recommendation needs its reason.
      await ws.app.call('sync.now');
      const seen = (await ws.app.call('incident.list')).find((incident) => incident.id === logged.id);
      expect(seen?.assessments).toHaveLength(1);
      await expect(ws.app.call('incident.decide', { id: logged.id, authority: true, subjects: false })).rejects.toMatchObject({
        problem: 'decision-needs-justification',
      });
      const decided = await ws.app.call('incident.decide', {
        id: logged.id,
        authority: true,
        subjects: false,
        justification: 'Backup eingespielt; kein Abfluss nachweisbar, die Personen werden nach Abschluss der Forensik informiert.',
      });
      expect(decided.decision).toMatchObject({ authority: true, subjects: false, recommended: { authority: true, subjects: true } });
      await ws.app.call('sync.now');
      expect(ws.platform.sandbox.store.get<Incident>('incident', logged.id)?.decision).toMatchObject({ by: 'stf_vogel' });

      // A changed fact re-runs the assessment and says what moved.
      await lead.call('sync.now');
      const changed = await lead.call('incident.update', { id: logged.id, patch: { categories: ['account'] } });
      expect(changed.assessments).toHaveLength(2);
      expect(changed.timeline.filter((entry) => entry.kind === 'reassessed').map((entry) => entry.params.moved)).toContainEqual(
        expect.stringMatching(/^dpc,score,band/),
      );
      // The recommendation moved under the decision: it must be taken again.
      expect(changed.decision).toBeNull();
    } finally {
      await lead.close();
    }
  });

  it('the demo register: thirty incidents, the newest still open and undecided, closing refused without a decision', async () => {
    const register = await ws.app.call('incident.list');
    expect(register).toHaveLength(30);
    expect(register.map((incident) => incident.awareAt)).toEqual([...register.map((incident) => incident.awareAt)].sort().reverse());
    const open = register.find((incident) => !incident.decision);
    if (!open) throw new Error('no undecided incident');
    const lead = await testConsole(`${ws.dir.path}/lead2`, { ...ws.platform, token: ws.platform.sandbox.tokens.stf_krueger });
    try {
      await expect(
        lead.call('incident.setStatus', { id: open.id, status: 'closed', note: 'Alles erledigt, Fall schließen.' }),
      ).rejects.toMatchObject({
        problem: 'incident-undecided',
      });
    } finally {
      await lead.close();
    }
    // Its clock has long passed: the desktop reminds of it (hours left 0), until the authority has the report.
    expect(await ws.app.call('incident.reminders')).toContainEqual(expect.objectContaining({ id: open.id, hoursLeft: 0 }));
    // Notifying the authority after the 72 hours needs the reasons for the delay (Art. 33(1)).
    const recommended = open.assessments.at(-1)?.recommendation ?? { authority: true, subjects: false };
    const decide = { id: open.id, ...recommended, authority: true, justification: recommended.authority ? '' : 'Vorsorglich gemeldet.' };
    await expect(ws.app.call('incident.decide', decide)).rejects.toMatchObject({ problem: 'late-without-reasons' });
    const late = await ws.app.call('incident.decide', {
      ...decide,
      delayReasons: 'Der Umfang stand erst nach der Forensik des Dienstleisters fest.',
    });
    expect(late.decision).toMatchObject({
      authority: true,
      delayReasons: 'Der Umfang stand erst nach der Forensik des Dienstleisters fest.',
    });
    // Deciding does not stop the clock: the notification does (Art. 33(1)). It reminds until the report is made.
    expect((await ws.app.call('incident.reminders')).map((r) => r.id)).toContain(open.id);
  });

  it('the register exports as CSV in either language, logged, with the decision and inert cells', async () => {
    const file = await ws.app.call('incident.export', { language: 'de' });
    expect(file.fileName).toMatch(/^datenpannen-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = Buffer.from(file.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^ID;Vorfall;Art;Entdeckt;Kenntnis;Meldefrist \(72 Std\.\);Status/);
    expect(lines).toHaveLength(31);
    expect(lines.some((line) => line.includes('Ransomware') && line.includes(';ja;'))).toBe(true);
    expect((await exportsOf(ws.app))[0]).toMatchObject({ kind: 'breach_register', format: 'csv', sha256: file.sha256 });
    const en = Buffer.from((await ws.app.call('incident.export', { language: 'en' })).base64, 'base64').toString('utf8');
    expect(en).toContain('Deadline (72 h)');
  });

  /** The administrator's console (who may log, decide, report and tell people), closed after the test. */
  async function admin<T>(work: (app: Awaited<ReturnType<typeof testConsole>>) => Promise<T>): Promise<T> {
    const app = await testConsole(`${ws.dir.path}/admin`, { ...ws.platform, token: ws.platform.sandbox.tokens.stf_schmitt });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  }

  /** An incident logged, assessed and decided (authority and people). */
  async function decided(app: Awaited<ReturnType<typeof testConsole>>) {
    const logged = await app.call('incident.create', facts(new Date(Date.now() - 5 * 3_600_000).toISOString()));
    await app.call('incident.assess', {
      id: logged.id,
      identifiers: ['maximum'],
      circumstances: { confidentiality: 0.5, integrity: 0, availability: 0.25, malicious: true },
    });
    await app.call('incident.decide', { id: logged.id, authority: true, subjects: true });
    await app.call('sync.now');
    return logged.id;
  }

  it('reports in phases: refused while incomplete, then frozen as PDF and JSON with its SHA-256; a follow-up under the reference', async () => {
    await admin(async (app) => {
      const id = await decided(app);
      const check = await app.call('incident.reportCheck', { id, phase: 'initial' });
      expect(check.missing).toEqual(['controller', 'contact', 'consequences', 'measures']);
      expect(check.authority?.name).toBe('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
      await expect(app.call('incident.submitReport', { id, phase: 'initial', channel: 'portal' })).rejects.toMatchObject({
        problem: 'report-incomplete',
        params: { missing: 'controller,contact,consequences,measures' },
      });
      await app.call('controller.update', {
        controllerName: 'Lernwerk Akademie GmbH',
        controllerAddress: 'Friedrichstraße 68, 10117 Berlin',
        controllerContact: 'kontakt@lernwerk-akademie.de',
        dpoName: 'Dr. Katrin Vogel',
        dpoContact: 'datenschutz@lernwerk-akademie.de',
      });
      await app.call('incident.update', {
        id,
        patch: { consequences: 'Abrechnung zwei Tage nicht möglich.', measures: 'Aus dem Backup wiederhergestellt, EDR ausgerollt.' },
      });
      expect((await app.call('incident.reportCheck', { id, phase: 'initial' })).missing).toEqual([]);
      await app.call('incident.submitReport', { id, phase: 'initial', channel: 'portal' });
      await app.call('sync.now');
      const stored = ws.platform.sandbox.store.get<Incident>('incident', id);
      const [report] = stored?.reports ?? [];
      expect(report.content).toMatchObject({
        phase: 'initial',
        contact: { name: 'Dr. Katrin Vogel' },
        consequences: 'Abrechnung zwei Tage nicht möglich.',
        nature: { people: { min: 200, max: 400 }, categories: ['invoices', 'account'] },
      });
      expect(report.sha256).toBe(createHash('sha256').update(canonicalJson(report.content)).digest('hex'));

      const pdf = await app.call('incident.reportFile', { id, reportId: report.id, format: 'pdf' });
      const text = pdfText(Buffer.from(pdf.base64, 'base64'));
      for (const words of ['Erstmeldung', 'Berliner Beauftragte', '(c) Wahrscheinliche Folgen', 'Abrechnung zwei Tage', report.sha256]) {
        expect(text).toContain(words);
      }
      const json = await app.call('incident.reportFile', { id, reportId: report.id, format: 'json' });
      expect(JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8'))).toEqual(report);
      expect((await exportsOf(app))[0]).toMatchObject({ kind: 'breach_report', format: 'json' });

      // A follow-up needs the authority's reference; then it goes under it, and the first report stays as it was.
      await expect(
        app.call('incident.submitReport', { id, phase: 'follow_up', channel: 'email', update: 'Forensik abgeschlossen, kein Abfluss.' }),
      ).rejects.toMatchObject({ problem: 'report-incomplete', params: { missing: 'reference' } });
      await app.call('incident.setReference', { id, reference: 'BlnBDI-DP-2026-0042' });
      await app.call('incident.update', { id, patch: { measures: 'Zusätzlich alle Passwörter der Verwaltung erneuert.' } });
      await app.call('incident.submitReport', {
        id,
        phase: 'follow_up',
        channel: 'email',
        update: 'Forensik abgeschlossen, kein Abfluss.',
      });
      await app.call('sync.now');
      const after = ws.platform.sandbox.store.get<Incident>('incident', id);
      expect(after?.reports[0]).toEqual(report);
      expect(after?.reports[1].content).toMatchObject({
        reference: 'BlnBDI-DP-2026-0042',
        measures: 'Zusätzlich alle Passwörter der Verwaltung erneuert.',
      });
    });
  });

  it('a notice reaches the people through a platform job; its counts come back through the feed', async () => {
    await admin(async (app) => {
      const id = await decided(app);
      const accounts = ws.platform.sandbox.store.accounts<Account>().slice(0, 12);
      expect(accounts.length).toBeGreaterThan(2);
      const parts = {
        what: 'Ein Angreifer hat Rechnungsdaten verschlüsselt.',
        consequences: 'Rechnungen kamen einige Tage verspätet.',
        measures: 'Wir haben alle Daten wiederhergestellt.',
        advice: 'Sie müssen nichts tun; prüfen Sie Ihre Rechnungen.',
      };
      const sent = await app.call('notice.send', {
        incidentId: id,
        parts: { de: parts, en: parts },
        contact: 'datenschutz@lernwerk-akademie.de',
        audience: { kind: 'csv', fileName: 'betroffene.csv', userIds: [...accounts.map((a) => a.id), 'usr_nobody'] },
      });
      // Asked first: whom the list reaches (nothing is sent), and which courses an audience could name.
      expect(
        await app.call('notice.preview', {
          audience: { kind: 'csv', fileName: 'betroffene.csv', userIds: [...accounts.map((a) => a.id), 'usr_nobody'] },
        }),
      ).toEqual({ recipients: accounts.length, unknown: 1 });
      expect(await app.call('notice.courses')).toContain('Python für Einsteiger');
      expect(sent).toMatchObject({ pending: true, state: 'queued', counts: { recipients: accounts.length + 1 } });
      await app.call('sync.now');
      let notice: Notice | undefined;
      for (let i = 0; i < 100; i++) {
        await app.call('sync.now');
        notice = (await app.call('notice.list', { incidentId: id }))[0];
        if (notice.state === 'done') break;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(notice?.state).toBe('done');
      expect(notice?.counts).toMatchObject({ recipients: accounts.length, unknown: 1, queued: 0, sent: accounts.length });
      expect((notice?.counts.delivered ?? 0) + (notice?.counts.bounced ?? 0)).toBe(accounts.length);
      expect(notice?.audience).toEqual({ kind: 'csv', description: `betroffene.csv (${accounts.length + 1})` });
      // The list of ids stays on the platform: the audit log keeps only its kind.
      expect(JSON.stringify(ws.platform.sandbox.store.auditLog())).not.toContain(accounts[0].id);

      // An audience that reaches nobody is refused by the platform, which alone knows its accounts.
      await app.call('notice.send', {
        incidentId: id,
        parts: { de: parts, en: parts },
        contact: 'datenschutz@lernwerk-akademie.de',
        audience: { kind: 'enrolled', course: 'Kein solcher Kurs' },
      });
      await app.call('sync.now');
      expect(await app.call('conflicts.list')).toMatchObject([{ entity: 'notice', problem: 'audience-empty' }]);
    });
  });

  it('a playbook saved anew is a new revision: incidents logged later get it, running ones keep theirs', async () => {
    await admin(async (app) => {
      const running = await app.call('incident.create', facts(new Date(Date.now() - 3_600_000).toISOString()));
      const [ransomware] = (await app.call('playbook.list')).filter((p) => p.family === 'ransomware');
      await app.call('playbook.save', { id: ransomware.id, tasks: ransomware.tasks.slice(0, 2), note: 'Kürzer' });
      await app.call('sync.now');
      expect(ws.platform.sandbox.store.get('playbook', ransomware.id)).toMatchObject({ revision: 2, history: [{ revision: 1 }] });
      const later = await app.call('incident.create', facts(new Date(Date.now() - 3_600_000).toISOString()));
      expect(later.playbook).toMatchObject({ revision: 2, tasks: { length: 2 } });
      const kept = (await app.call('incident.list')).find((i) => i.id === running.id);
      expect(kept?.playbook.revision).toBe(1);
      expect(kept?.playbook.tasks.length).toBe(ransomware.tasks.length);
      // A task with evidence is ticked with where it is, through the outbox.
      await expect(app.call('incident.tickTask', { id: running.id, key: 'contain-isolate', done: true })).rejects.toMatchObject({
        problem: 'task-needs-evidence',
      });
      await app.call('incident.tickTask', { id: running.id, key: 'contain-isolate', done: true, evidence: 'Ticket SEC-4711' });
      await app.call('sync.now');
      const task = ws.platform.sandbox.store.get<Incident>('incident', running.id)?.playbook.tasks.find((t) => t.key === 'contain-isolate');
      expect(task?.done).toMatchObject({ evidence: 'Ticket SEC-4711' });
    });
  });

  it('the register exports as a PDF an authority can read, logged', async () => {
    const file = await ws.app.call('incident.export', { language: 'en', format: 'pdf' });
    expect(file.fileName).toMatch(/^breach-register-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(Buffer.from(file.base64, 'base64'));
    expect(text).toContain('Register of personal data breaches (Art. 33(5) GDPR)');
    expect(text).toContain('Ransomware auf dem Dateiserver der Verwaltung');
    expect(text).toContain('Reports to the authority');
    expect((await exportsOf(ws.app))[0]).toMatchObject({ kind: 'breach_register', format: 'pdf' });
  });

  it("assessments follow the settings' notification policy; a policy telling people before the authority is refused", async () => {
    await admin(async (app) => {
      await expect(app.call('breachPolicy.update', { authorityFrom: 'high', subjectsFrom: 'medium' })).rejects.toMatchObject({
        issues: [{ path: 'subjectsFrom', code: 'policy-inverted' }],
      });
      await app.call('breachPolicy.update', { authorityFrom: 'low', subjectsFrom: 'medium' });
      const logged = await app.call('incident.create', facts(new Date(Date.now() - 3_600_000).toISOString()));
      const assessed = await app.call('incident.assess', {
        id: logged.id,
        identifiers: ['limited'],
        circumstances: { confidentiality: 0.25, integrity: 0, availability: 0, malicious: false },
      });
      // Invoices (3) × 0.5 + 0.25 = 1.75: low, yet the stricter policy recommends notifying the authority.
      expect(assessed.assessments.at(-1)).toMatchObject({
        band: 'low',
        recommendation: { authority: true, subjects: false },
        policy: { authorityFrom: 'low', subjectsFrom: 'medium' },
      });
      expect(await app.call('breachPolicy.get')).toEqual({ authorityFrom: 'low', subjectsFrom: 'medium' });
    });
  });
});
