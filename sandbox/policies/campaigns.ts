import type { FastifyInstance } from 'fastify';
import { operations } from '../../shared/api/paths';
import type { PolicyVersion } from '../../shared/api/policies';
import {
  CampaignAudienceQuery,
  type CampaignCounts,
  type PersonPolicyNotice,
  type PolicyCampaign,
} from '../../shared/api/policy-campaigns';
import { localDate } from '../../shared/domain/calendar';
import { CAMPAIGN_TIME_ZONE, type CampaignPlatform, campaignStands, stopped } from '../../shared/domain/policy-campaigns';
import { requireScope, type TokenRegistry } from '../http/auth';
import type { PlatformOf } from '../http/entity-routes';
import { ProblemError, validationProblem } from '../http/problems';
import type { PlatformStore } from '../store/store';

/** A wave goes out in about this many steps (one transaction each), whatever its size. */
const SEND_STEPS = 8;
/** Steps after the last mail of a wave during which people still acknowledge it, before the wave is done. */
const ACK_TAIL = 5;
/** Rolls (0..99) under this bounce when an e-mail is sent. */
const BOUNCE = 3;
/** Who acknowledges, and how many steps after delivery: a quarter at once, then fewer, about half in all. */
const ACK_STAGES = [
  { from: BOUNCE, to: 27, after: 1 },
  { from: 28, to: 41, after: 2 },
  { from: 42, to: 49, after: 4 },
] as const;

/** A wave's rows are one range of `seq` (queued together); each step works on ranges of it only. */
interface Progress {
  /** Steps taken in the running wave. */
  step: number;
  /** Steps taken since the wave's last mail went out. */
  tail: number;
  /** The next row to send, and the wave's last row. */
  next: number;
  last: number;
  /** The rows sent in the last step (they arrive or bounce in this one). */
  sent: { lo: number; hi: number } | null;
  /** Rows that arrived, by the step they arrived in: people acknowledge some steps later. */
  settled: { lo: number; hi: number; at: number }[];
}
const LAST_STAGE = Math.max(...ACK_STAGES.map((stage) => stage.after));

/** The controller's calendar day of an instant: a campaign's figures are per such day. */
const dayOf = (instant: string) => localDate(instant, CAMPAIGN_TIME_ZONE);

/** Totals and today's counts raised by what a step did. */
function counted(campaign: PolicyCampaign, at: string, delta: CampaignCounts): Pick<PolicyCampaign, 'totals' | 'days'> {
  const add = (a: CampaignCounts, b: CampaignCounts): CampaignCounts => ({
    sent: a.sent + b.sent,
    delivered: a.delivered + b.delivered,
    bounced: a.bounced + b.bounced,
    acknowledged: a.acknowledged + b.acknowledged,
  });
  const day = dayOf(at);
  const today = campaign.days.find((d) => d.day === day);
  const days = today
    ? campaign.days.map((d) => (d.day === day ? { ...add(d, delta), day } : d))
    : [...campaign.days, { ...add({ sent: 0, delivered: 0, bounced: 0, acknowledged: 0 }, delta), day }];
  return { totals: add(campaign.totals, delta), days };
}

/**
 * Sends policy campaigns the way a platform would: at its send instant a wave's audience is fixed as one row per
 * account (open accounts in the version's language, or for a reminder those reached who have not acknowledged),
 * then mails go out in steps, are delivered or bounce, and people acknowledge over the following steps (their
 * choice drawn once per row). Each step is one transaction writing the rows and the campaign's counts; the feed
 * carries only the counts. A platform stopped mid-wave resumes from its rows.
 */
export class CampaignRunner {
  private timer: NodeJS.Timeout | null = null;
  private readonly statements;

  constructor(
    private readonly store: PlatformStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    const db = store.db;
    this.statements = {
      enqueueAudience: db.prepare<[string, number, string]>(
        `INSERT INTO campaign_deliveries (campaign_id, wave, account_id, roll, outcome)
         SELECT ?, ?, id, abs(random() % 100), 'queued' FROM accounts WHERE active = 1 AND locale = ? ORDER BY id`,
      ),
      enqueueReminder: db.prepare<[string, number, string]>(
        `INSERT INTO campaign_deliveries (campaign_id, wave, account_id, roll, outcome)
         SELECT ?, ?, d.account_id, abs(random() % 100), 'queued'
           FROM campaign_deliveries d JOIN accounts a ON a.id = d.account_id AND a.active = 1
          WHERE d.campaign_id = ? GROUP BY d.account_id
         HAVING max(d.outcome = 'delivered') = 1 AND max(d.ack_at IS NOT NULL) = 0 ORDER BY d.account_id`,
      ),
      unacknowledged: db.prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM (
           SELECT d.account_id FROM campaign_deliveries d JOIN accounts a ON a.id = d.account_id AND a.active = 1
            WHERE d.campaign_id = ? GROUP BY d.account_id
           HAVING max(d.outcome = 'delivered') = 1 AND max(d.ack_at IS NOT NULL) = 0)`,
      ),
      // An e-mail only campaign: the person was not reached.
      bounce: db.prepare<[number, number, number]>(
        `UPDATE campaign_deliveries SET outcome = 'bounced', settled_step = ? WHERE seq BETWEEN ? AND ? AND outcome = 'sent' AND roll < ${BOUNCE}`,
      ),
      // With the notice in the app as well: the e-mail came back, the notice still reaches the person.
      bounceEmail: db.prepare<[number, number]>(
        `UPDATE campaign_deliveries SET email_bounced = 1 WHERE seq BETWEEN ? AND ? AND outcome = 'sent' AND roll < ${BOUNCE}`,
      ),
      cancelQueued: db.prepare<[number, number]>(
        `UPDATE campaign_deliveries SET outcome = 'cancelled' WHERE seq BETWEEN ? AND ? AND outcome = 'queued'`,
      ),
      progressKeys: db.prepare<[string], { job_id: string }>('SELECT job_id FROM job_specs WHERE job_id LIKE ?'),
      deliver: db.prepare<[number, number, number]>(
        `UPDATE campaign_deliveries SET outcome = 'delivered', settled_step = ? WHERE seq BETWEEN ? AND ? AND outcome = 'sent'`,
      ),
      acknowledge: db.prepare<{ at: string; lo: number; hi: number; from: number; to: number; kinds: number }>(
        `UPDATE campaign_deliveries SET ack_at = @at,
                ack_kind = CASE @kinds WHEN 1 THEN 'clicked' WHEN 2 THEN 'confirmed' ELSE (CASE roll % 2 WHEN 0 THEN 'clicked' ELSE 'confirmed' END) END
          WHERE seq BETWEEN @lo AND @hi AND outcome = 'delivered' AND ack_at IS NULL AND roll BETWEEN @from AND @to`,
      ),
      send: db.prepare<[string, number, number]>(
        `UPDATE campaign_deliveries SET outcome = 'sent', sent_at = ? WHERE seq BETWEEN ? AND ? AND outcome = 'queued'`,
      ),
      person: db.prepare<
        [string],
        {
          campaign_id: string;
          wave: number;
          outcome: string;
          sent_at: string | null;
          email_bounced: number;
          ack_at: string | null;
          ack_kind: string | null;
        }
      >(
        'SELECT campaign_id, wave, outcome, sent_at, email_bounced, ack_at, ack_kind FROM campaign_deliveries WHERE account_id = ? ORDER BY seq',
      ),
    };
  }

  /** Open accounts reading the platform in a language: a campaign's audience. */
  audience(language: string): number {
    return this.store.countActive(language);
  }

  unacknowledged(campaignId: string): number {
    return this.statements.unacknowledged.get(campaignId)?.n ?? 0;
  }

  /** Takes a step of every campaign due, every `everyMs`. */
  start(everyMs: number): void {
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One step of every campaign that is due; answers whether any moved and has more to do. */
  tick(): boolean {
    let busy = false;
    for (const campaign of this.store.all<PolicyCampaign>('policyCampaign')) {
      if (campaign.state === 'cancelled') this.windUp(campaign);
      if (campaign.state !== 'planned' && campaign.state !== 'sending') continue;
      busy = this.step(campaign) || busy;
    }
    return busy;
  }

  /** Steps until nothing is under way (the bench's measure of the send rate; tests). */
  runToEnd(): number {
    let steps = 0;
    while (this.tick()) steps++;
    return steps;
  }

  /** For one account: every policy notice it was sent, how it went, whether it was acknowledged. */
  personNotices(accountId: string): PersonPolicyNotice[] {
    const campaigns = new Map<string, PolicyCampaign | null>();
    return this.statements.person.all(accountId).flatMap((row) => {
      if (!campaigns.has(row.campaign_id))
        campaigns.set(row.campaign_id, this.store.get<PolicyCampaign>('policyCampaign', row.campaign_id));
      const campaign = campaigns.get(row.campaign_id);
      if (!campaign) return [];
      return [
        {
          campaignId: campaign.id,
          versionId: campaign.versionId,
          document: campaign.document,
          language: campaign.language,
          number: campaign.number,
          effectiveAt: campaign.effectiveAt,
          wave: row.wave,
          channels: campaign.channels,
          outcome: row.outcome as PersonPolicyNotice['outcome'],
          emailBounced: row.email_bounced === 1,
          sentAt: row.sent_at,
          acknowledgedAt: row.ack_at,
          acknowledgedBy: row.ack_kind as PersonPolicyNotice['acknowledgedBy'],
        },
      ];
    });
  }

  /** One step of one campaign, in one transaction; answers whether it moved and has more to do. */
  private step(campaign: PolicyCampaign): boolean {
    const at = this.now().toISOString();
    // Its version withdrawn, rescheduled or reworded since it was planned: it no longer speaks for it.
    if (!campaignStands(campaign, this.store.get<PolicyVersion>('policyVersion', campaign.versionId))) {
      this.store.transaction(() => {
        this.save(stopped(campaign, null, 'version_changed', at));
        this.store.audit('platform', 'campaign.cancelled', 'policyCampaign', campaign.id, { because: 'version_changed' });
      });
      return false;
    }
    // Not due yet: a later tick starts it.
    if (campaign.state === 'planned' && Date.parse(campaign.sendAt) > Date.parse(at)) return false;
    return this.store.transaction(() => {
      const index = campaign.waves.findIndex((wave) => wave.state === 'planned' || wave.state === 'sending');
      if (index < 0) {
        this.save({ ...campaign, updatedAt: at, state: 'sent' });
        return false;
      }
      const wave = campaign.waves[index];
      const key = `campaign:${campaign.id}:${wave.number}`;
      if (wave.state === 'planned') {
        // The audience is fixed now, as one range of rows: the counts always cover the same people.
        const enqueued =
          wave.kind === 'initial'
            ? this.statements.enqueueAudience.run(campaign.id, wave.number, campaign.language)
            : this.statements.enqueueReminder.run(campaign.id, wave.number, campaign.id);
        const last = Number(enqueued.lastInsertRowid);
        this.progress(key, { step: 0, tail: 0, next: last - enqueued.changes + 1, last, sent: null, settled: [] });
        this.save({
          ...campaign,
          updatedAt: at,
          state: 'sending',
          recipients: wave.kind === 'initial' ? enqueued.changes : campaign.recipients,
          waves: campaign.waves.map((w, i) =>
            i === index ? { ...w, state: 'sending', recipients: enqueued.changes, queued: enqueued.changes } : w,
          ),
        });
        return true;
      }
      const progress = this.progress(key);
      const step = progress.step + 1;
      const emails = campaign.channels.includes('email');
      // Mails sent in the last step arrive or bounce (a notice in the app cannot bounce).
      let bounced = 0;
      let delivered = 0;
      const settled = progress.settled.filter((range) => range.at + LAST_STAGE >= step);
      if (progress.sent) {
        ({ bounced, delivered } = this.settle(campaign, progress.sent, step));
        settled.push({ ...progress.sent, at: step });
      }
      // People acknowledge what reached them, some at once, some steps later.
      const kinds = emails && campaign.channels.includes('in_app') ? 3 : emails ? 1 : 2;
      let acknowledged = 0;
      for (const range of settled)
        for (const stage of ACK_STAGES)
          if (range.at + stage.after === step)
            acknowledged += this.statements.acknowledge.run({
              at,
              lo: range.lo,
              hi: range.hi,
              from: stage.from,
              to: stage.to,
              kinds,
            }).changes;
      // The next batch goes out.
      const batch = Math.max(500, Math.ceil(wave.recipients / SEND_STEPS));
      let sent = 0;
      let sentRange: Progress['sent'] = null;
      if (progress.next <= progress.last) {
        sentRange = { lo: progress.next, hi: Math.min(progress.last, progress.next + batch - 1) };
        sent = this.statements.send.run(at, sentRange.lo, sentRange.hi).changes;
      }
      const queued = wave.queued - sent;
      const tail = sentRange ? 0 : progress.tail + 1;
      const done = tail >= ACK_TAIL;
      this.progress(key, { step, tail, next: sentRange ? sentRange.hi + 1 : progress.next, last: progress.last, sent: sentRange, settled });
      const waves = campaign.waves.map((w, i) =>
        i === index ? { ...w, queued, delivered: w.delivered + delivered, state: done ? ('done' as const) : w.state } : w,
      );
      const finished = done && waves.every((w) => w.state === 'done' || w.state === 'cancelled');
      this.save({
        ...campaign,
        updatedAt: at,
        state: finished ? 'sent' : 'sending',
        waves,
        ...counted(campaign, at, { sent, delivered, bounced, acknowledged }),
      });
      if (done) {
        this.store.audit('platform', 'campaign.wave.done', 'policyCampaign', campaign.id, { wave: wave.number });
        this.store.db.prepare('DELETE FROM job_specs WHERE job_id = ?').run(key);
      }
      return !finished;
    });
  }

  /** The rows sent in the last step arrive, or their e-mail bounces. */
  private settle(campaign: PolicyCampaign, range: { lo: number; hi: number }, step: number): { bounced: number; delivered: number } {
    const emails = campaign.channels.includes('email');
    const inApp = campaign.channels.includes('in_app');
    const bounced = !emails
      ? 0
      : inApp
        ? this.statements.bounceEmail.run(range.lo, range.hi).changes
        : this.statements.bounce.run(step, range.lo, range.hi).changes;
    const delivered = this.statements.deliver.run(step, range.lo, range.hi).changes;
    return { bounced, delivered };
  }

  /**
   * A stopped campaign's rows are wound up once: what was in flight arrives (or bounces) and is counted, what was
   * still queued is marked never sent. Nothing is left "waiting" in one person's history.
   */
  private windUp(campaign: PolicyCampaign): void {
    const keys = this.statements.progressKeys.all(`campaign:${campaign.id}:%`);
    if (!keys.length) return;
    this.store.transaction(() => {
      let bounced = 0;
      let delivered = 0;
      const waveDelivered = new Map<number, number>();
      for (const { job_id: key } of keys) {
        const progress = this.progress(key);
        if (progress.sent) {
          const settled = this.settle(campaign, progress.sent, progress.step + 1);
          bounced += settled.bounced;
          delivered += settled.delivered;
          const wave = Number(key.split(':').at(-1));
          waveDelivered.set(wave, (waveDelivered.get(wave) ?? 0) + settled.delivered);
        }
        if (progress.next <= progress.last) this.statements.cancelQueued.run(progress.next, progress.last);
        this.store.db.prepare('DELETE FROM job_specs WHERE job_id = ?').run(key);
      }
      const at = this.now().toISOString();
      this.save({
        ...campaign,
        updatedAt: at,
        waves: campaign.waves.map((w) => ({ ...w, delivered: w.delivered + (waveDelivered.get(w.number) ?? 0) })),
        ...counted(campaign, at, { sent: 0, delivered, bounced, acknowledged: 0 }),
      });
    });
  }

  private save(campaign: PolicyCampaign): void {
    const stored = this.store.get<PolicyCampaign>('policyCampaign', campaign.id);
    this.store.put('policyCampaign', { ...campaign, version: (stored?.version ?? campaign.version) + 1 });
  }

  private progress(key: string, next?: Progress): Progress {
    if (next) {
      this.store.db.prepare('INSERT OR REPLACE INTO job_specs (job_id, spec) VALUES (?, ?)').run(key, JSON.stringify(next));
      return next;
    }
    const row = this.store.db.prepare<[string], { spec: string }>('SELECT spec FROM job_specs WHERE job_id = ?').get(key);
    if (!row) throw new Error(`no progress of ${key}`);
    return JSON.parse(row.spec) as Progress;
  }
}

/** What the platform lends the campaign's mutators: its audience counted over the accounts. */
export function campaignPlatform(runner: CampaignRunner): PlatformOf<CampaignPlatform> {
  return () => ({
    capabilities: {
      audience: (language) => runner.audience(language),
      unacknowledged: (campaignId) => runner.unacknowledged(campaignId),
    },
    committed: () => {},
  });
}

/** The campaign's queries beside its entity: whom a campaign would reach, and what one person was told. */
export function campaignRoutes(app: FastifyInstance, runner: CampaignRunner, store: PlatformStore, tokens: TokenRegistry): void {
  app.get(operations.campaignAudience.path, async (request) => {
    requireScope(tokens.authenticate(request), operations.campaignAudience.scope);
    const query = CampaignAudienceQuery.safeParse(request.query);
    if (!query.success) throw validationProblem(query.error, 'query');
    return { language: query.data.language, recipients: runner.audience(query.data.language) };
  });
  app.get<{ Params: { id: string } }>(operations.personPolicyNotices.path.replace('{id}', ':id'), async (request) => {
    const principal = tokens.authenticate(request);
    requireScope(principal, operations.personPolicyNotices.scope);
    if (!store.account(request.params.id)) throw new ProblemError(404, 'not-found', `No account ${request.params.id}.`);
    // Who looked at whose history is kept, as for every other look at one person's data.
    store.audit(principal.staff.id, 'policy.notices.read', 'account', request.params.id, {});
    return { accountId: request.params.id, notices: runner.personNotices(request.params.id) };
  });
}
