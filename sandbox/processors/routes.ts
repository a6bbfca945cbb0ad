import type { FastifyInstance } from 'fastify';
import { ActivityCreate, ActivityPatch, ProcessingActivity } from '../../shared/api/activities';
import { Processor, ProcessorCreate, ProcessorPatch } from '../../shared/api/processors';
import type { TokenRegistry } from '../http/auth';
import { ProblemError } from '../http/problems';
import { resourceRoutes } from '../http/resource-routes';
import type { PlatformStore } from '../store/store';

/** The processor registry and the records of processing that link to it. */
export function registryRoutes(app: FastifyInstance, store: PlatformStore, tokens: TokenRegistry): void {
  resourceRoutes(app, store, tokens, {
    entity: 'processor',
    path: '/v1/processors',
    listKey: 'processors',
    label: 'processor',
    readScope: 'processor:read',
    writeScope: 'processor:write',
    schema: Processor,
    create: ProcessorCreate,
    patch: ProcessorPatch,
  });
  resourceRoutes(app, store, tokens, {
    entity: 'activity',
    path: '/v1/processing-activities',
    listKey: 'activities',
    label: 'processing activity',
    readScope: 'processor:read',
    writeScope: 'processor:write',
    schema: ProcessingActivity,
    create: ActivityCreate,
    patch: ActivityPatch,
    references(activity) {
      const unknown = activity.recipientIds.filter((id) => !store.get('processor', id));
      if (unknown.length) {
        throw new ProblemError(422, 'unknown-recipient', `Recipients not in the registry: ${unknown.join(', ')}.`, {
          errors: unknown.map((id) => ({ path: 'recipientIds', message: `unknown processor ${id}` })),
        });
      }
    },
  });
}
