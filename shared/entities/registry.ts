import type { z } from 'zod';
import { accessReviewEntity, employeeEntity, grantEntity, reviewItemEntity } from '../access/entities';
import type { AccessReview, Employee, Grant, ReviewItem } from '../api/access';
import type { ProcessingActivity } from '../api/activities';
import type { Notice } from '../api/breach-notices';
import type { Playbook } from '../api/breach-playbooks';
import type { BreachPolicy, Incident } from '../api/breaches';
import type { Staff } from '../api/common';
import type { Dsar } from '../api/dsar';
import type { Job } from '../api/jobs';
import type { LetterTemplates } from '../api/letter-templates';
import type { PolicyVersion } from '../api/policies';
import type { PolicyCampaign } from '../api/policy-campaigns';
import type { Processor } from '../api/processors';
import { breachPolicyEntity, incidentEntity, noticeEntity, playbookEntity } from '../breaches/entities';
import { dsarEntity, jobEntity, templateEntity } from '../dsar/entities';
import { policyCampaignEntity, policyVersionEntity } from '../policies/entities';
import { activityEntity, processorEntity } from '../processors/entities';
import { staffEntity } from '../staff/entity';
import type { AnyEntity, EntityDescriptor } from './descriptor';

/**
 * Every entity of the admin API. The feed, the contract's operations and the OpenAPI document, the
 * platform's routes and read scopes, the console's cache, client, write path and the bench read this list.
 * A new entity: its descriptor here, and its type in `EntityTypes` below.
 */
export const entities = [
  dsarEntity,
  jobEntity,
  templateEntity,
  staffEntity,
  processorEntity,
  activityEntity,
  breachPolicyEntity,
  playbookEntity,
  incidentEntity,
  noticeEntity,
  policyVersionEntity,
  policyCampaignEntity,
  employeeEntity,
  grantEntity,
  accessReviewEntity,
  reviewItemEntity,
] as const satisfies readonly AnyEntity[];

/** The type of each entity, by name (declared apart so mutators can look up others without a type cycle). */
export interface EntityTypes {
  dsar: Dsar;
  job: Job;
  template: LetterTemplates;
  staff: Staff;
  processor: Processor;
  activity: ProcessingActivity;
  breachPolicy: BreachPolicy;
  playbook: Playbook;
  incident: Incident;
  notice: Notice;
  policyVersion: PolicyVersion;
  policyCampaign: PolicyCampaign;
  employee: Employee;
  grant: Grant;
  accessReview: AccessReview;
  reviewItem: ReviewItem;
}

export type Entity = (typeof entities)[number];
export type EntityName = Entity['name'];
export type EntityByName<N extends EntityName> = Extract<Entity, { name: N }>;
export type MutatorName<N extends EntityName> = keyof EntityByName<N>['mutators'] & string;
type MutatorOf<N extends EntityName, M extends MutatorName<N>> = EntityByName<N>['mutators'][M];
/** The arguments of a mutator as a caller writes them (defaults not yet applied). */
export type MutatorArgs<N extends EntityName, M extends MutatorName<N>> =
  MutatorOf<N, M> extends { args: infer S extends z.ZodType } ? z.input<S> : never;

/** Any registered entity, when the code does not care which (the feed, the outbox, generic routes). */
export type SomeEntity = AnyEntity & { name: EntityName };

/** What the platform lends each entity's mutators (only entities that need something). */
export type PlatformNeeds = {
  [E in Entity as E extends EntityDescriptor<string, infer _T, infer _M, infer P>
    ? P extends undefined
      ? never
      : E['name']
    : never]: E extends EntityDescriptor<string, infer _T, infer _M, infer P> ? P : never;
};

export const entityNames = entities.map((entity) => entity.name) as EntityName[];

const byName = new Map<string, SomeEntity>(entities.map((entity) => [entity.name, entity]));

/** The descriptor of an entity named by data from outside (the feed, the outbox); null when unknown. */
export function findEntity(name: string): SomeEntity | null {
  return byName.get(name) ?? null;
}

export function entity<N extends EntityName>(name: N): EntityByName<N> {
  return byName.get(name) as EntityByName<N>;
}

// The compiler refuses the registry and `EntityTypes` when they disagree, in either direction.
type Registered = { [E in Entity as E['name']]: E extends EntityDescriptor<string, infer T, infer _M, infer _P> ? T : never };
type Agree<A, B> = [A, B] extends [B, A] ? true : false;
export const registryMatchesTypes: Agree<Registered, EntityTypes> = true;
