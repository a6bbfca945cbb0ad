import { randomUUID } from 'node:crypto';
import { policyVersionId } from '../../shared/api/policies';
import { campaignIdOf } from '../../shared/api/policy-campaigns';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { PlatformClient } from '../platform/client';
import { onlineOnly } from '../platform/online-only';
import type { WritePath } from '../sync/writes';
import type { PolicyCampaignCache, PolicyVersionCache } from './store';

export interface PolicyHandlerDeps {
  writes: WritePath;
  versions: PolicyVersionCache;
  campaigns: PolicyCampaignCache;
  client: PlatformClient;
}

/** What only the platform knows (whom a campaign reaches, what one person was told); offline, said so. */
const ask = <T>(question: () => Promise<T>) =>
  onlineOnly(question, 'query-offline', 'The platform cannot be reached: it alone holds these figures.');

/** Policy versions: read from the cache, every step through the outbox (the platform publishes). */
export function registerPolicyHandlers(ipc: IpcRegistry, { writes, versions, campaigns, client }: PolicyHandlerDeps): void {
  const shown = (id: string) => {
    const doc = versions.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };
  ipc.handle('policy.list', () => versions.list());
  ipc.handle('policy.draft', (input) => {
    // The next number after the last version of the document in its language.
    const last = versions
      .list()
      .filter((v) => v.document === input.document && v.language === input.language)
      .reduce((max, v) => Math.max(max, v.number), 0);
    const id = policyVersionId(input.document, input.language, last + 1);
    writes.mutate('policyVersion', id, 'draft', { id, ...input });
    return shown(id);
  });
  ipc.handle('policy.edit', ({ id, patch }) => {
    writes.mutate('policyVersion', id, 'edit', patch);
    return shown(id);
  });
  ipc.handle('policy.classify', ({ id, ...args }) => {
    writes.mutate('policyVersion', id, 'classify', args);
    return shown(id);
  });
  ipc.handle('policy.comment', (input) => {
    const { id, ...rest } = input;
    writes.mutate('policyVersion', id, 'comment', 'resolve' in rest ? rest : { commentId: `cmt_${randomUUID().slice(0, 12)}`, ...rest });
    return shown(id);
  });
  ipc.handle('policy.dismissHint', ({ id, ...args }) => {
    writes.mutate('policyVersion', id, 'dismissHint', args);
    return shown(id);
  });
  ipc.handle('policy.submit', ({ id, ...args }) => {
    writes.mutate('policyVersion', id, 'submit', args);
    return shown(id);
  });
  ipc.handle('policy.approve', ({ id, ...args }) => {
    writes.mutate('policyVersion', id, 'approve', args);
    return shown(id);
  });
  ipc.handle('policy.unschedule', ({ id, ...args }) => {
    writes.mutate('policyVersion', id, 'unschedule', args);
    return shown(id);
  });
  ipc.handle('policy.schedule', ({ id, ...args }) => {
    writes.mutate('policyVersion', id, 'schedule', args);
    return shown(id);
  });

  const campaign = (id: string) => {
    const doc = campaigns.get(id);
    if (!doc) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return doc;
  };
  ipc.handle('campaign.list', () => campaigns.list());
  ipc.handle('campaign.plan', (input) => {
    // The next of the version's campaigns (a second only after the first was stopped: the rule says so).
    const earlier = campaigns.list().filter((c) => c.versionId === input.versionId).length;
    const id = campaignIdOf(input.versionId, earlier + 1);
    writes.mutate('policyCampaign', id, 'plan', { id, ...input });
    return campaign(id);
  });
  ipc.handle('campaign.remind', ({ id, ...args }) => {
    writes.mutate('policyCampaign', id, 'remind', args);
    return campaign(id);
  });
  ipc.handle('campaign.cancel', ({ id, ...args }) => {
    writes.mutate('policyCampaign', id, 'cancel', args);
    return campaign(id);
  });
  ipc.handle('campaign.audience', ({ language }) => ask(() => client.campaignAudience(language)));
  ipc.handle('campaign.person', ({ accountId }) => ask(() => client.personPolicyNotices(accountId)));
}
