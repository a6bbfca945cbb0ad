import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startConsole } from '../../electron/console';
import { startSandbox } from '../../sandbox/server';
import { type PolicyVersion, policyVersionId } from '../../shared/api/policies';
import { campaignIdOf, type PolicyCampaign } from '../../shared/api/policy-campaigns';
import { TEST_KEY } from '../support/temp';

const DAY = 86_400_000;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A scheduled material version of the German privacy policy, as legal and a second person left it. */
function scheduledChange(base: PolicyVersion): PolicyVersion {
  const now = new Date().toISOString();
  return {
    ...base,
    id: policyVersionId('privacy', 'de', base.number + 1),
    version: 1,
    number: base.number + 1,
    basedOn: base.number,
    changeSummary: 'Neuer Zahlungsdienstleister (Abschnitt 11)',
    classification: {
      answers: ['new_recipient'],
      proposed: 'material',
      kind: 'material',
      reason: 'Neuer Empfänger.',
      needsConsent: false,
      by: 'stf_hartmann',
      at: now,
    },
    status: 'scheduled',
    authorId: 'stf_hartmann',
    approvedBy: 'stf_vogel',
    approvedAt: now,
    effectiveAt: new Date(Date.now() + 40 * DAY).toISOString(),
    publishedAt: null,
    sha256: null,
    timeline: [],
  };
}

/**
 * A campaign to every German-reading account of a platform with `accounts` learners: the platform's send rate
 * (the job stepped back to back) beside the raw limit of writing and updating as many rows once each, and the
 * console's time from the platform's last step to showing the statistics (pull + campaign.list) beside a bare
 * fetch of the campaign's document.
 */
export async function campaignBench(dir: string, accounts: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const seeded = process.hrtime.bigint();
  const sandbox = await startSandbox({ dbPath: join(dir, 'platform.sqlite'), requests: 50, learners: accounts, campaignStepMs: 3_600_000 });
  console.log(
    `\nPolicy campaign over ${accounts.toLocaleString('en')} learner accounts (platform seeded in ${(ms(seeded) / 1000).toFixed(1)} s)`,
  );
  const console_ = await startConsole({
    dataDir: join(dir, 'console'),
    cacheKey: TEST_KEY,
    platform: { url: sandbox.url, token: sandbox.tokens.stf_vogel },
    sync: { pollMs: 3_600_000 },
  });
  try {
    await console_.firstSync;
    const base = sandbox.store.get<PolicyVersion>('policyVersion', policyVersionId('privacy', 'de', 1));
    if (!base) throw new Error('no published privacy policy');
    const version = scheduledChange(base);
    sandbox.store.transaction(() => sandbox.store.put('policyVersion', version));
    await console_.dispatch('sync.now', undefined);
    const planned = await console_.dispatch('campaign.plan', { versionId: version.id, channels: ['email', 'in_app'] });
    if (!planned.ok) throw new Error(`the campaign was refused: ${JSON.stringify(planned)}`);
    await console_.dispatch('sync.now', undefined);

    const sending = process.hrtime.bigint();
    const steps = sandbox.campaigns.runToEnd();
    const jobMs = ms(sending);
    const campaign = sandbox.store.get<PolicyCampaign>('policyCampaign', campaignIdOf(version.id));
    if (campaign?.state !== 'sent') throw new Error(`the campaign ended ${campaign?.state}`);
    const rows = campaign.totals.sent;

    // The least any platform must do: write one row per recipient (found again by account and by campaign), and
    // update each once (its outcome).
    const db = sandbox.store.db;
    db.exec(`CREATE TABLE bench_rows (seq INTEGER PRIMARY KEY, campaign_id TEXT NOT NULL, account_id TEXT NOT NULL, outcome TEXT NOT NULL);
      CREATE INDEX bench_rows_by_account ON bench_rows (account_id);
      CREATE INDEX bench_rows_by_campaign ON bench_rows (campaign_id, seq);`);
    const raw = process.hrtime.bigint();
    db.transaction(() => {
      db.prepare(
        "INSERT INTO bench_rows (campaign_id, account_id, outcome) SELECT 'bench', id, 'queued' FROM accounts WHERE active = 1 AND locale = 'de'",
      ).run();
      db.prepare("UPDATE bench_rows SET outcome = 'delivered'").run();
    })();
    const rawMs = ms(raw);
    db.exec('DROP TABLE bench_rows');

    console.log(
      `  raw limit (insert, two indexes, one update per row): ${rawMs.toFixed(0)} ms = ${((rows / rawMs) * 1000).toFixed(0)} rows/s`,
    );
    console.log(
      `  platform job, steps back to back (${steps}: audience, sending, delivery, acknowledgements): ${jobMs.toFixed(0)} ms = ${((rows / jobMs) * 1000).toFixed(0)} messages/s written`,
    );
    console.log(`  ratio (raw time / job time): ${(rawMs / jobMs).toFixed(2)}   (the job also draws outcomes and counts per day)`);

    // The statistics in the console: the feed brings one document, whatever the audience's size.
    const bareRuns: number[] = [];
    const consoleRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      const bare = process.hrtime.bigint();
      const answer = await fetch(`${sandbox.url}/v1/policy-campaigns/${campaign.id}`, {
        headers: { authorization: `Bearer ${sandbox.tokens.stf_vogel}` },
      });
      JSON.parse(await answer.text());
      bareRuns.push(ms(bare));
      // A step the console has not seen yet: the next pull brings the campaign again.
      sandbox.store.transaction(() => sandbox.store.put('policyCampaign', { ...campaign, version: campaign.version + i + 1 }));
      const shown = process.hrtime.bigint();
      await console_.dispatch('sync.now', undefined);
      const list = await console_.dispatch('campaign.list', undefined);
      if (!list.ok) throw new Error('campaign.list failed');
      consoleRuns.push(ms(shown));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(`  raw limit (GET the campaign + JSON.parse):  ${median(bareRuns).toFixed(1)} ms`);
    console.log(
      `  console (pull the change + campaign.list):  ${median(consoleRuns).toFixed(1)} ms   (median of 5; no per-person rows reach the cache)`,
    );
  } finally {
    await console_.close();
    await sandbox.close();
  }
}
