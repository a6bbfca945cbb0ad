// @vitest-environment jsdom
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PrivacyConsole, startConsole } from '../../../electron/console';
import { AuditTrailPage } from '../../../renderer/audit/AuditTrailPage';
import { ActionDialog } from '../../../renderer/dsar/detail/ActionDialog';
import { RequestDetail } from '../../../renderer/dsar/RequestDetail';
import { ProcessorRegistry } from '../../../renderer/processors/ProcessorRegistry';
import { SettingsPage } from '../../../renderer/settings/SettingsPage';
import { type TestPlatform, testPlatform } from '../../support/platform';
import { bridgeTo, renderScreen } from '../../support/screen';
import { TEST_KEY, tempDir } from '../../support/temp';

/** One screen of each feature, rendered as the shell renders it, over a real console and platform. */
let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
const consoles: PrivacyConsole[] = [];

async function consoleAs(staffId: string, undoMs?: number) {
  const started = await startConsole({
    dataDir: join(dir.path, `console-${staffId}`),
    cacheKey: TEST_KEY,
    platform: { url: platform.url, token: platform.sandbox.tokens[staffId] },
    sync: { pollMs: 3_600_000, retryMs: 3_600_000 },
    undoMs,
  });
  await started.firstSync;
  consoles.push(started);
  return started;
}

beforeAll(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 12);
});
afterEach(cleanup);
afterAll(async () => {
  for (const started of consoles) await started.close();
  await platform.stop();
  dir.remove();
});

describe('the request detail (dsar)', () => {
  it('offers only staff who may work on requests, and runs a workflow step from its key', async () => {
    const app = await consoleAs('stf_vogel');
    const bridge = bridgeTo(app);
    const [row] = (await bridge['dsar.list']({ statuses: ['new'], limit: 1 })).rows;
    await renderScreen(<RequestDetail id={row.id} mayWrite onClose={() => undefined} />, bridge);
    const detail = await screen.findByTestId('request-detail');
    expect(within(detail).getByTestId('detail-subject').textContent).toBe(row.subjectName);
    expect(within(detail).getByTestId('detail-status').textContent).toBe('New');
    // The register export names the status and the type exactly as the screen does.
    const file = await bridge['dsar.export']({ query: { statuses: ['new'] }, language: 'en' });
    const line = Buffer.from(file.base64, 'base64')
      .toString('utf8')
      .split('\r\n')
      .find((l) => l.startsWith(`${row.id};`));
    const [, type, status] = line?.split(';') ?? [];
    expect(status).toBe(within(detail).getByTestId('detail-status').textContent);
    expect(within(detail).getByText(type)).toBeTruthy();

    const assignee = within(detail).getByRole('combobox', { name: 'Assignee' });
    await userEvent.click(assignee);
    const listbox = await waitFor(() => {
      const found = document.getElementById(assignee.getAttribute('aria-controls') ?? '');
      if (!found) throw new Error('no listbox yet');
      return found;
    });
    const options = within(listbox)
      .getAllByRole('option', { hidden: true })
      .map((option) => option.textContent);
    // The security lead and the officer who left are not offered; the admin is (mayBeAssigned).
    expect(options).toEqual(['Unassigned', 'Anna Schmitt', 'Dr. Katrin Vogel', 'Jonas Albrecht', 'Mehmet Yıldız']);
    await userEvent.keyboard('{Escape}');

    fireEvent.keyDown(window, { key: 's' });
    await waitFor(() => expect(within(detail).getByTestId('detail-status').textContent).toBe('In progress'));
    await waitFor(() => expect(platform.appliedWrites(row.id).map((w) => w.action)).toEqual(['dsar.start']));
  });
});

describe('what a person was told of policy changes (policies in the request detail)', () => {
  it("an access request's detail asks the platform, which answers per wave with delivery and acknowledgement", async () => {
    const app = await consoleAs('stf_vogel');
    const bridge = bridgeTo(app);
    // A learner the cookie notice's campaign reached in spring 2025 (German, open, older than the campaign).
    const reached = platform.sandbox.store.db
      .prepare<[], { account_id: string }>("SELECT account_id FROM campaign_deliveries WHERE wave = 1 AND outcome = 'delivered' LIMIT 1")
      .get();
    if (!reached) throw new Error('the seeded campaign reached nobody');
    const account = platform.sandbox.store.account<{ id: string; name: string; email: string }>(reached.account_id);
    if (!account) throw new Error('no account');
    const created = await bridge['dsar.create']({
      type: 'access',
      channel: 'email',
      receivedAt: new Date().toISOString(),
      subject: { userId: account.id, name: account.name, email: account.email, locale: 'de', address: null },
    });
    await bridge['sync.now']();
    await renderScreen(<RequestDetail id={created.dsar.id} mayWrite onClose={() => undefined} />, bridge);
    const panel = await screen.findByTestId('subject-policy-notices');
    // Nothing is asked of the platform before the officer wants it.
    expect(within(panel).queryByTestId('person-notices')).toBeNull();
    await userEvent.click(within(panel).getByTestId('subject-policy-notices-show'));
    const table = await within(panel).findByTestId('person-notices');
    expect(within(table).getAllByText('Cookie notice (German) version 2').length).toBeGreaterThan(0);
    const rows = platform.sandbox.campaigns.personNotices(account.id);
    expect(
      within(table)
        .getAllByTestId('person-ack')
        .map((cell) => cell.textContent !== 'no'),
    ).toEqual(rows.map((row) => row.acknowledgedAt !== null));
  });
});

describe('a rule that says no (dsar)', () => {
  it("is said in the user's language with the status it names, and the typed text stays", async () => {
    const app = await consoleAs('stf_yildiz');
    const bridge = bridgeTo(app);
    // A completed request takes no more steps: a note to the subject (here: a clarification) is refused.
    const [row] = (await bridge['dsar.list']({ statuses: ['completed'], limit: 1 })).rows;
    const detail = await bridge['dsar.get']({ id: row.id });
    if (!detail) throw new Error('no completed request in the demo data');
    await renderScreen(<ActionDialog detail={detail} kind="request_clarification" onClose={() => undefined} />, bridge, 'de');
    const dialog = await screen.findByRole('dialog');
    const subject = within(dialog).getByRole('textbox', { name: 'Betreff' }) as HTMLInputElement;
    await waitFor(() => expect(subject.value).not.toBe(''));
    await userEvent.clear(subject);
    await userEvent.type(subject, 'Ihre Anfrage – eine Rückfrage');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Senden' }));
    const alert = await within(dialog).findByTestId('action-error');
    expect(alert.textContent).toBe('Im Status „Abgeschlossen“ ist dieser Schritt nicht möglich.');
    expect(subject.value).toBe('Ihre Anfrage – eine Rückfrage');
    expect(platform.appliedWrites(row.id).filter((w) => w.action === 'dsar.request_clarification')).toEqual([]);
  });
});

describe('an irreversible step (dsar)', () => {
  it('names its consequence before it is taken, and can be undone while it waits', async () => {
    const app = await consoleAs('stf_vogel', 60_000);
    const bridge = bridgeTo(app);
    const access = (await bridge['dsar.list']({ types: ['access'], limit: 1 })).rows[0];
    const subject = (await bridge['dsar.get']({ id: access.id }))?.dsar.subject;
    if (!subject?.userId) throw new Error('no subject with an account');
    const created = await bridge['dsar.create']({ type: 'erasure', channel: 'email', receivedAt: new Date().toISOString(), subject });
    const id = created.dsar.id;
    await bridge['dsar.act']({ id, action: { type: 'start' } });
    await bridge['sync.now']();
    await renderScreen(<RequestDetail id={id} mayWrite onClose={() => undefined} />, bridge);
    const detail = await screen.findByTestId('request-detail');

    // Asked first, with the person and what cannot be restored; cancelling sends nothing.
    await userEvent.click(await within(detail).findByTestId('start-job'));
    let question = await screen.findByTestId('confirm-dialog');
    expect(question.textContent).toContain(`The platform erases the data of ${subject.name}`);
    expect(question.textContent).toContain('Erased data cannot be restored.');
    await userEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(await bridge['writes.pending']({ entity: 'dsar', id })).toBeNull();

    // Confirmed: shown at once, held; the bar counts down and offers undo (also the z key).
    await userEvent.click(within(detail).getByTestId('start-job'));
    question = await screen.findByTestId('confirm-dialog');
    await userEvent.click(within(question).getByRole('button', { name: 'Start erasure' }));
    const bar = await within(detail).findByTestId('undo-bar');
    expect(bar.textContent).toMatch(/“Start job: Erasure” goes to the platform in \d+ s\./);
    expect(within(detail).getByTestId('timeline').textContent).toContain('Job started: Erasure');
    fireEvent.keyDown(window, { key: 'z' });
    await waitFor(() => expect(within(detail).queryByTestId('undo-bar')).toBeNull());
    await waitFor(() => expect(within(detail).getByTestId('timeline').textContent).not.toContain('Job started: Erasure'));
    await bridge['sync.now']();
    expect(platform.appliedWrites(id).map((w) => w.action)).not.toContain('dsar.start_job');
  });
});

describe('a form with unsaved edits (processors)', () => {
  it('asks before closing, and keeps the input when the officer stays', async () => {
    const app = await consoleAs('stf_albrecht');
    await renderScreen(<ProcessorRegistry />, bridgeTo(app));
    await userEvent.click(await screen.findByRole('button', { name: 'Add processor' }));
    const form = await screen.findByRole('dialog');
    const legalName = within(form).getByLabelText(/Legal name/) as HTMLInputElement;
    await userEvent.type(legalName, 'Offshore Analytics Pvt. Ltd.');
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    const question = await screen.findByTestId('confirm-dialog');
    expect(question.textContent).toContain('What you entered in this form is not saved yet.');
    await userEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(legalName.value).toBe('Offshore Analytics Pvt. Ltd.');
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(await screen.findByTestId('confirm-dialog')).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('the processor registry (processors)', () => {
  it('lists the registry with its labels, and is read-only for a role without processor:write', async () => {
    const app = await consoleAs('stf_hartmann');
    await renderScreen(<ProcessorRegistry />, bridgeTo(app), 'de');
    await waitFor(() => expect(screen.getAllByTestId('processor-row')).toHaveLength(7));
    expect(screen.getByText('Ihre Rolle darf das Verzeichnis nur ansehen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Auftragsverarbeiter anlegen' })).toBeNull();
    const hosting = screen.getAllByTestId('processor-row').find((row) => row.dataset.id === 'prc_hosting-nordcloud');
    expect(hosting?.textContent).toContain('Hosting und Cloud');
  });
});

describe('the settings (settings)', () => {
  it('offers the pause policy with the recommended choice named', async () => {
    const app = await consoleAs('stf_albrecht');
    await renderScreen(<SettingsPage />, bridgeTo(app));
    expect(await screen.findByRole('radio', { name: 'No (recommended)' })).toBeTruthy();
  });
});

describe('the audit trail (audit)', () => {
  it('shows an export named as the label table names it, and a write with its label and object', async () => {
    const app = await consoleAs('stf_albrecht');
    const bridge = bridgeTo(app);
    await bridge['dsar.export']({ query: {}, language: 'en' });
    const [request] = (await bridge['dsar.list']({ limit: 1 })).rows;
    await bridge['dsar.setTags']({ id: request.id, tags: ['audit-check'] });
    await renderScreen(<AuditTrailPage />, bridge);
    const rows = await screen.findAllByTestId('audit-entry');
    const exported = rows.find((row) => row.dataset.kind === 'export');
    expect(within(exported as HTMLElement).getByText('Register of data-subject requests')).toBeTruthy();
    expect(within(exported as HTMLElement).getByText('Jonas Albrecht')).toBeTruthy();
    const write = rows.find((row) => row.dataset.kind === 'write');
    expect(within(write as HTMLElement).getByRole('link', { name: request.id })).toBeTruthy();
  });
});
