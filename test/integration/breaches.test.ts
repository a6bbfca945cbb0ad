import { describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/api/breaches';
import { testConsole } from '../support/console';
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
      expect(logged).toMatchObject({ pending: true, status: 'open', timeline: [{ text: 'logged' }] });
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
      expect(changed.timeline.map((entry) => entry.text)).toContainEqual(expect.stringMatching(/^assessment re-run: dpc, score, band/));
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
    // Its clock has long passed: the desktop reminds of it (hours left 0), until the decision is taken.
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
    expect((await ws.app.call('incident.reminders')).map((r) => r.id)).not.toContain(open.id);
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
    expect((await ws.app.call('exports.log'))[0]).toMatchObject({ kind: 'breach_register', format: 'csv', sha256: file.sha256 });
    const en = Buffer.from((await ws.app.call('incident.export', { language: 'en' })).base64, 'base64').toString('utf8');
    expect(en).toContain('Deadline (72 h)');
  });
});
