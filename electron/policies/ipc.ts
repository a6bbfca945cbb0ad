import { randomUUID } from 'node:crypto';
import { policyVersionId } from '../../shared/api/policies';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { WritePath } from '../sync/writes';
import type { PolicyVersionCache } from './store';

export interface PolicyHandlerDeps {
  writes: WritePath;
  versions: PolicyVersionCache;
}

/** Policy versions: read from the cache, every step through the outbox (the platform publishes). */
export function registerPolicyHandlers(ipc: IpcRegistry, { writes, versions }: PolicyHandlerDeps): void {
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
}
