import type { PolicyVersion } from '../../shared/api/policies';
import { type CampaignCounts, campaignIdOf, type PolicyCampaign } from '../../shared/api/policy-campaigns';
import { localDate } from '../../shared/domain/calendar';
import { CAMPAIGN_TIME_ZONE, composeCampaign } from '../../shared/domain/policy-campaigns';
import type { PlatformStore } from '../store/store';
import { createRandom } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Days after the first mail on which people acknowledged it: most at once, a long tail after. */
const ACK_AFTER_DAYS = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 7, 9, 12] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The campaign that told German-speaking users of the cookie notice's material change in spring 2025: the first
 * wave five weeks ahead by e-mail and in the app, a reminder two weeks later to those who had not acknowledged,
 * about two thirds acknowledged in the end. Written as the platform's rows per account (so one person's history can be asked
 * for) and the campaign document counted from them, per day.
 */
export function seedPastCampaign(store: PlatformStore, version: PolicyVersion, sendAt: string): void {
  const id = campaignIdOf(version.id);
  if (store.get('policyCampaign', id) || !version.effectiveAt) return;
  const random = createRandom(20250325);
  const start = Date.parse(sendAt);
  const reminderAt = start + 14 * DAY;
  const accounts = store.db
    .prepare<[string, string], { id: string }>('SELECT id FROM accounts WHERE active = 1 AND locale = ? AND created_at < ? ORDER BY id')
    .all(version.language, sendAt);
  const insert = store.db.prepare(
    'INSERT INTO campaign_deliveries (campaign_id, wave, account_id, roll, outcome, sent_at, settled_step, email_bounced, ack_at, ack_kind) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)',
  );
  const days = new Map<string, CampaignCounts>();
  const count = (at: number, field: keyof CampaignCounts) => {
    const day = localDate(iso(at), CAMPAIGN_TIME_ZONE);
    const counts = days.get(day) ?? { sent: 0, delivered: 0, bounced: 0, acknowledged: 0 };
    counts[field]++;
    days.set(day, counts);
  };
  let reminded = 0;
  let firstDelivered = 0;
  store.transaction(() => {
    for (const { id: account } of accounts) {
      const roll = random.int(0, 99);
      // The first wave went out over a morning.
      const sent = start + Math.floor(random.next() * 4 * HOUR);
      count(sent, 'sent');
      // Sent by e-mail and shown in the app: a bounced e-mail still leaves the notice in the app.
      const emailBounced = roll < 3 ? 1 : 0;
      if (emailBounced) count(sent, 'bounced');
      count(sent, 'delivered');
      firstDelivered++;
      if (roll >= 3 && roll < 55) {
        const at = sent + random.pick(ACK_AFTER_DAYS) * DAY + random.int(0, 10 * HOUR);
        insert.run(id, 1, account, roll, 'delivered', iso(sent), emailBounced, iso(at), roll % 2 === 0 ? 'clicked' : 'confirmed');
        count(at, 'acknowledged');
        continue;
      }
      insert.run(id, 1, account, roll, 'delivered', iso(sent), emailBounced, null, null);
      // The reminder: about a third of those it reached acknowledged it within days.
      reminded++;
      const again = reminderAt + Math.floor(random.next() * 2 * HOUR);
      const second = random.int(0, 99);
      count(again, 'sent');
      count(again, 'delivered');
      const acknowledged = second < 35 ? again + random.pick(ACK_AFTER_DAYS.slice(0, 8)) * DAY + random.int(0, 8 * HOUR) : null;
      if (acknowledged) count(acknowledged, 'acknowledged');
      insert.run(id, 2, account, second, 'delivered', iso(again), 0, acknowledged && iso(acknowledged), acknowledged && 'confirmed');
    }
    const sorted = [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ ...counts, day }));
    const totals = sorted.reduce(
      (sum, d) => ({
        sent: sum.sent + d.sent,
        delivered: sum.delivered + d.delivered,
        bounced: sum.bounced + d.bounced,
        acknowledged: sum.acknowledged + d.acknowledged,
      }),
      { sent: 0, delivered: 0, bounced: 0, acknowledged: 0 },
    );
    const campaign: PolicyCampaign = {
      id,
      version: 1,
      updatedAt: iso(reminderAt + 20 * DAY),
      versionId: version.id,
      document: version.document,
      language: version.language,
      number: version.number,
      effectiveAt: version.effectiveAt as string,
      changeSummary: version.changeSummary,
      channels: ['email', 'in_app'],
      leadDays: 30,
      shortLeadReason: null,
      sendAt,
      createdBy: 'stf_hartmann',
      createdAt: iso(start - 2 * DAY),
      messages: composeCampaign(version, version.effectiveAt as string),
      state: 'sent',
      recipients: accounts.length,
      totals,
      days: sorted,
      waves: [
        {
          number: 1,
          kind: 'initial',
          requestedBy: 'stf_hartmann',
          requestedAt: iso(start - 2 * DAY),
          note: '',
          recipients: accounts.length,
          queued: 0,
          delivered: firstDelivered,
          state: 'done',
        },
        {
          number: 2,
          kind: 'reminder',
          requestedBy: 'stf_hartmann',
          requestedAt: iso(reminderAt),
          note: 'Zwei Wochen nach der ersten Mitteilung',
          recipients: reminded,
          queued: 0,
          delivered: reminded,
          state: 'done',
        },
      ],
      cancelReason: null,
      stoppedBecause: null,
    };
    store.put('policyCampaign', campaign);
  });
}
