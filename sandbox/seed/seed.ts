import { BREACH_POLICY_ID, type BreachPolicy } from '../../shared/api/breaches';
import type { DsarEvent } from '../../shared/api/dsar-workflow';
import { type PolicyVersion, policyVersionId } from '../../shared/api/policies';
import { isOpen } from '../../shared/domain/dsar';
import { defaultTemplates } from '../../shared/domain/letter-templates';
import type { PlatformStore } from '../store/store';
import { demoActivities } from './activities';
import { seedPastCampaign } from './campaigns';
import { generateDsars } from './dsars';
import { DEMO_INCIDENTS, demoPlaybooks, generateIncidents } from './incidents';
import { COOKIES_CAMPAIGN_AT, demoPolicies } from './policies';
import { demoProcessors } from './processors';
import { createRandom } from './random';
import { demoStaff, demoWorkspaceName } from './staff';

export const DEFAULT_DEMO_REQUESTS = 320;

/** Seeds an empty store once; a store that already has data is left as it is (the demo keeps its state). */
export function seedIfEmpty(store: PlatformStore, options: { requests: number; now?: Date; seed?: number }): boolean {
  if (store.count('staff') > 0) return false;
  const random = createRandom(options.seed ?? 20261127);
  const officers = demoStaff.filter((s) => s.active && s.roles.includes('privacy_officer')).map((s) => s.id);
  const { dsars, accounts } = generateDsars(random, options.requests, options.now ?? new Date(), officers);
  store.transaction(() => {
    store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('workspace', ?)").run(demoWorkspaceName);
    for (const staff of demoStaff) store.put('staff', staff);
    for (const processor of demoProcessors) store.put('processor', processor);
    for (const activity of demoActivities) store.put('activity', activity);
    for (const dsar of dsars) {
      store.put('dsar', dsar);
      // The platform logged each step as it happened; the log keeps the step, not what was written. Only for the
      // open requests: a history of hundreds of thousands of closed ones would double the seed for nothing shown.
      if (isOpen(dsar.status)) {
        for (const event of dsar.events) store.audit(event.actor, `dsar.${event.kind}`, 'dsar', dsar.id, auditedPart(event), event.at);
      }
    }
    for (const account of accounts) store.putAccount(account);
  });
  return true;
}

/** What the seeded log keeps of a request's event: moves and assignments, never notes or letters. */
function auditedPart(event: DsarEvent): Record<string, unknown> {
  if (event.kind === 'status') return { from: event.from, to: event.to };
  if (event.kind === 'assigned') return { assigneeId: event.assigneeId };
  if (event.kind === 'received') return { channel: event.channel };
  return {};
}

/**
 * Every platform holds the team's letter templates, one document per language; a store made before they
 * existed gets the defaults (they reach consoles through the feed like any change).
 */
export function ensureTemplates(store: PlatformStore, now: Date = new Date()): void {
  store.transaction(() => {
    for (const locale of ['de', 'en'] as const) {
      if (!store.get('template', `tpl_${locale}`)) store.put('template', defaultTemplates(locale, now.toISOString()));
    }
  });
}

/** The breach register's history (about thirty incidents over two years); a store made before it gets it too. */
export function ensureIncidents(store: PlatformStore, now: Date = new Date()): void {
  const playbooks = demoPlaybooks(now);
  store.transaction(() => {
    if (!store.get('breachPolicy', BREACH_POLICY_ID)) {
      // The default BREACH-SEVERITY.md states: medium → the authority, high → the people too.
      const policy: BreachPolicy = {
        id: BREACH_POLICY_ID,
        version: 1,
        updatedAt: now.toISOString(),
        authorityFrom: 'medium',
        subjectsFrom: 'high',
        savedBy: 'stf_vogel',
      };
      store.put('breachPolicy', policy);
    }
    for (const playbook of playbooks) if (!store.get('playbook', playbook.id)) store.put('playbook', playbook);
  });
  if (store.count('incident') > 0) return;
  const { incidents, notices } = generateIncidents(createRandom(20261201), DEMO_INCIDENTS, now, playbooks);
  store.transaction(() => {
    for (const incident of incidents) store.put('incident', incident);
    for (const notice of notices) store.put('notice', notice);
  });
}

/**
 * The published policies (privacy policy, cookie notice) and the campaign of the cookie notice's past material
 * change (over the learners, so seed them first); a store made before them gets them too.
 */
export function ensurePolicies(store: PlatformStore): void {
  const versions = demoPolicies();
  store.transaction(() => {
    for (const version of versions) if (!store.get('policyVersion', version.id)) store.put('policyVersion', version);
  });
  const changed = store.get<PolicyVersion>('policyVersion', policyVersionId('cookies', 'de', 2));
  if (changed) seedPastCampaign(store, changed, COOKIES_CAMPAIGN_AT);
}
