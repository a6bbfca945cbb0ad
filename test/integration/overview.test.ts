import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorityClockRuns } from '../../shared/domain/breach-reports';
import { localDate } from '../../shared/domain/calendar';
import { openStatuses } from '../../shared/domain/dsar';
import { registryFigures } from '../../shared/ipc/overview';
import { exportsOf } from '../support/exports';
import { pdfText } from '../support/pdf-text';
import { workspacePerTest } from '../support/workspace';

const ws = workspacePerTest(400);

describe('the overview over IPC', () => {
  it("agrees with each module's own lists: requests, clocks, registry reminders, campaigns, reviews, leavers", async () => {
    const overview = await ws.app.call('overview.get');
    if (!overview.dsar) throw new Error('the requests should be loaded');

    // Requests: the queue's own views count the same.
    const count = async (input: Parameters<typeof ws.app.call<'dsar.list'>>[1]) =>
      (await ws.app.call('dsar.list', { ...input, limit: 1000 })).rows.length;
    expect(await count({ statuses: [...openStatuses] })).toBe(overview.dsar.open);
    expect(await count({ due: 'overdue' })).toBe(overview.dsar.overdue);
    expect(overview.dsar.open).toBeGreaterThan(0);

    const incidents = await ws.app.call('incident.list');
    expect(overview.incidents.open).toBe(incidents.filter((incident) => incident.status !== 'closed').length);
    expect(overview.incidents.clocks.map((clock) => clock.id).sort()).toEqual(
      incidents
        .filter(authorityClockRuns)
        .map((incident) => incident.id)
        .sort(),
    );

    const reminders = await ws.app.call('registry.reminders');
    for (const kind of registryFigures) expect(overview.registry[kind]).toBe(reminders.filter((reminder) => reminder.kind === kind).length);

    const campaigns = await ws.app.call('campaign.list');
    for (const figure of overview.campaigns) {
      const campaign = campaigns.find((c) => c.id === figure.id);
      expect(figure).toMatchObject({ recipients: campaign?.recipients, acknowledged: campaign?.totals.acknowledged });
    }
    const reviews = await ws.app.call('access.reviews');
    expect(overview.reviews.map((review) => review.id).sort()).toEqual(
      reviews
        .filter((review) => review.state === 'open')
        .map((review) => review.id)
        .sort(),
    );
    const leavers = (await ws.app.call('access.overview')).findings.filter((finding) => finding.kind === 'leaver');
    expect(overview.leavers).toEqual({ open: leavers.length, overdue: leavers.filter((finding) => finding.overdue).length });
  });

  it('a local write shows in the overview at once, before the platform has it', async () => {
    const before = await ws.app.call('overview.get');
    const unassigned = (await ws.app.call('dsar.list', { assignee: 'unassigned', statuses: [...openStatuses] })).rows[0];
    const me = (await ws.app.call('workspace.info')).me?.staff.id ?? '';
    const load = (overview: typeof before, id: string | null) => overview.dsar?.load.find((entry) => entry.assigneeId === id)?.open ?? 0;

    await ws.platform.stop();
    await ws.app.call('dsar.assign', { id: unassigned.id, assigneeId: me });
    const after = await ws.app.call('overview.get');
    expect(load(after, me)).toBe(load(before, me) + 1);
    expect(load(after, null)).toBe(load(before, null) - 1);
    expect(after.dsar?.open).toBe(before.dsar?.open);
  });
});

describe('the command palette’s search over the cache', () => {
  it('finds a request by its subject in either German spelling or by id, an incident by a word of its title, processors and people', async () => {
    const requests = (await ws.app.call('dsar.list', { statuses: [], limit: 50 })).rows;
    const umlaut = requests.find((row) => /[äöüß]/.test(row.subjectName)) ?? requests[0];
    const surname = umlaut.subjectName.split(' ').pop() ?? '';
    const folded = surname.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
    for (const text of [surname, folded]) {
      const hits = await ws.app.call('search.everything', { text });
      expect(hits.filter((hit) => hit.kind === 'request').map((hit) => hit.id)).toContain(umlaut.id);
    }
    expect(await ws.app.call('search.everything', { text: umlaut.id })).toContainEqual(
      expect.objectContaining({ kind: 'request', id: umlaut.id }),
    );

    const incidents = await ws.app.call('incident.list');
    const hits = await ws.app.call('search.everything', { text: 'zug verlor' });
    expect(hits.filter((hit) => hit.kind === 'incident').map((hit) => hit.title)).toEqual(
      incidents
        .filter((incident) => /Zug verloren/.test(incident.title))
        .slice(0, 6)
        .map((incident) => incident.title),
    );
    expect(hits.every((hit) => hit.kind === 'incident')).toBe(true);

    const processor = (await ws.app.call('processor.list'))[0];
    expect(await ws.app.call('search.everything', { text: processor.legalName.split(' ')[0] })).toContainEqual(
      expect.objectContaining({ kind: 'processor', id: processor.id }),
    );
    expect(await ws.app.call('search.everything', { text: 'albrecht' })).toContainEqual(
      expect.objectContaining({ kind: 'staff', title: 'Jonas Albrecht' }),
    );
    expect(await ws.app.call('search.everything', { text: 'kein treffer xyzzy' })).toEqual([]);
    await expect(ws.app.call('search.everything', { text: 'a\u0000b' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('the monthly privacy report', () => {
  it("is a PDF with the month's figures as the overview counts them, the month's incidents, and is logged with its SHA-256", async () => {
    const overview = await ws.app.call('overview.get');
    const month = overview.dsar?.onTime.filter((m) => m.answered > 0).at(-1);
    if (!month) throw new Error('the seed should have answered requests');
    const file = await ws.app.call('report.monthly', { month: month.month, language: 'de' });
    expect(file).toMatchObject({ fileName: `datenschutzbericht-${month.month}.pdf`, mimeType: 'application/pdf' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Datenschutzbericht');
    expect(text).toContain('Art. 38 Abs. 3, Art. 39 DSGVO');
    expect(text).toContain('1. Betroffenenanfragen');
    expect(text).toMatch(new RegExp(`Beantwortet \\(abgeschlossen oder abgelehnt\\) ${month.answered} davon`));
    expect(text).toMatch(new RegExp(`angehaltener Zeit\\) ${month.onTime} \\(Quote`));
    for (const heading of [
      '2. Datenpannen',
      '3. Auftragsverarbeiter',
      '4. Veröffentlichte Fassungen',
      '5. Abgeschlossene Zugriffsprüfungen',
    ]) {
      expect(text).toContain(heading);
    }
    // The incidents that became known in a month are named, with their outcome.
    const newest = (await ws.app.call('incident.list'))[0];
    const ofIncident = pdfText(
      Buffer.from(
        (await ws.app.call('report.monthly', { month: localDate(newest.awareAt, 'Europe/Berlin').slice(0, 7), language: 'de' })).base64,
        'base64',
      ),
    ).replace(/\s+/g, ' ');
    expect(ofIncident).toContain(`${newest.title} (${newest.id})`);
    expect(ofIncident).toMatch(/Meldung an die Aufsichtsbehörde: (erfolgt am|noch nicht erfolgt|nicht erforderlich)/);
    const log = await exportsOf(ws.app);
    expect(log.find((entry) => entry.sha256 === file.sha256)).toMatchObject({ kind: 'monthly_report', format: 'pdf' });

    const english = pdfText(Buffer.from((await ws.app.call('report.monthly', { month: month.month, language: 'en' })).base64, 'base64'));
    expect(english).toContain('Privacy report');
    expect(english).toContain('Answered (completed or denied)');
    await expect(ws.app.call('report.monthly', { month: '2026-13', language: 'de' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
