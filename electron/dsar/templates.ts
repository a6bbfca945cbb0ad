import type Database from 'better-sqlite3-multiple-ciphers';
import type { Locale } from '../../shared/api/dsar-workflow';
import { type LetterTemplates, templateIdOf } from '../../shared/api/letter-templates';
import { templateEntity } from '../../shared/dsar/entities';
import { type DocumentStore, documentEntity } from '../cache/document-store';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import type { PlatformClient } from '../platform/client';
import type { WritePath } from '../sync/writes';

/** The team's letter templates in the cache, one document per language. */
export const templateCache = (db: Database.Database) =>
  documentEntity<LetterTemplates>(db, {
    table: 'letter_templates',
    columns: (doc) => ({ locale: doc.locale }),
    listIndex: 'letter_templates_by_locale',
  });
export type TemplateCache = DocumentStore<LetterTemplates>;

export interface TemplateDeps {
  templates: TemplateCache;
  client: PlatformClient;
  writes: WritePath;
}

/**
 * The templates of a language: from the cache; where a cache made before templates existed lacks them, fetched
 * once from the platform. Null while neither has them (offline on first use): letters then draft from the
 * defaults, and the editor waits for the platform.
 */
export async function loadTemplates(deps: TemplateDeps, locale: Locale) {
  const id = templateIdOf(locale);
  const cached = deps.templates.get(id);
  if (cached) return cached;
  const fetched = await deps.client.get(templateEntity, id).catch(() => null);
  if (!fetched) return null;
  deps.templates.upsert(fetched);
  return deps.templates.get(id);
}

/** After the first sync: templates a cache from before them lacks are fetched once, for every language. */
export async function completeTemplates(deps: TemplateDeps): Promise<void> {
  for (const locale of ['de', 'en'] as const) await loadTemplates(deps, locale);
}

export function registerTemplateHandlers(ipc: IpcRegistry, deps: TemplateDeps): void {
  ipc.handle('templates.get', ({ locale }) => loadTemplates(deps, locale));
  ipc.handle('templates.save', async ({ locale, ...args }) => {
    const id = templateIdOf(locale);
    if (!(await loadTemplates(deps, locale))) {
      throw new HandlerError('unavailable', 'The templates have not arrived from the platform yet: connect once, then edit them.', {
        problem: 'templates-not-loaded',
      });
    }
    deps.writes.mutate('template', id, 'save', args);
    const shown = deps.templates.get(id);
    if (!shown) throw new HandlerError('internal', `${id} vanished from the cache.`);
    return shown;
  });
}
