import type { z } from 'zod';
import type { Scope } from '../api/common';
import type { EntityTypes } from './registry';

/** What every entity of the admin API carries; writes are checked against `version` (If-Match). */
export interface Versioned {
  id: string;
  version: number;
  updatedAt: string;
}

/**
 * What a mutator may know besides the entity it changes. The platform fills it from its store, the console
 * from its cache (pending writes included), so the same rule sees the same world on both sides.
 */
export interface MutationContext<Platform = undefined> {
  /** Staff id of who makes the change. */
  actor: string;
  /** ISO instant at which the change takes effect. */
  at: string;
  /** A fresh id for a timeline entry. */
  newId(): string;
  /** SHA-256 of a text, as lower-case hex (a frozen report's fingerprint): both sides compute it alike. */
  digest(text: string): string;
  /** Another entity as this side holds it, or null. */
  find<N extends keyof EntityTypes>(entity: N, id: string): EntityTypes[N] | null;
  /**
   * What only the authority can do (build a package, start a job, look up a platform account). Absent in the
   * console: its checks and its optimistic view run without it.
   */
  platform?: Platform;
}

interface MutatorBase<S extends z.ZodType> {
  /** One line for the API document. */
  summary: string;
  /** The request body of the operation; parsed on both sides before `apply`. */
  args: S;
  /** The operation, relative to the entity's collection path: '' for a create, '/{id}' or '/{id}/assign'. */
  http: { method: 'post' | 'patch'; path: string };
  /** Who may run it; the entity's write scope when absent. */
  scope?: Scope;
  /** The name the platform's audit log gives a write, when the arguments name a step (the mutator's name otherwise). */
  auditName?(args: z.output<S>): string;
  /** What the audit log keeps of the arguments, where they carry more personal data than the log needs (all otherwise). */
  auditDetail?(args: z.output<S>): unknown;
}

/** Creates carry their id in the arguments: a create made offline keeps its id on the platform. */
export interface CreateMutator<T, S extends z.ZodType<{ id: string }>, P> extends MutatorBase<S> {
  kind: 'create';
  /** The new entity (its version is the sync layer's business), or a RuleError. */
  apply(current: null, args: z.output<S>, ctx: MutationContext<P>): T;
}

export interface UpdateMutator<T, S extends z.ZodType, P> extends MutatorBase<S> {
  kind: 'update';
  /** The next state of the entity (same version: the platform counts it up), or a RuleError. */
  apply(current: T, args: z.output<S>, ctx: MutationContext<P>): T;
  /**
   * Whether this change is one the platform cannot take back (an erasure, a delivery, taking someone's
   * request): the console then holds it for a moment before sending, so the officer can still undo it.
   */
  irreversible?(current: T, args: z.output<S>, actor: string): boolean;
  /**
   * Whether the change still means the same on the platform's newer state (a campaign's counts move every few
   * seconds; stopping it does not depend on them; a revocation asked of a live grant still means it while the
   * grant is live). When it does, a stale base is rebased on that state and the change sent again (its rule decides
   * anew there) instead of becoming a conflict; when it does not, it is a conflict as any.
   */
  rebase?(newer: T): boolean;
}

export type Mutator<T, P = undefined> = CreateMutator<T, z.ZodType<{ id: string }>, P> | UpdateMutator<T, z.ZodType, P>;

/**
 * One entity of the admin API, described once: the contract's operations and the OpenAPI document, the
 * platform's routes, store and feed, the console's cache, client and write path are all derived from it.
 */
export interface EntityDescriptor<N extends string, T extends Versioned, M extends Record<string, Mutator<T, P>>, P = undefined> {
  name: N;
  /** Singular, for messages and the API document: "data-subject request". */
  label: string;
  schema: z.ZodType<T>;
  /** Collection path of the admin API; one entity lives at `${path}/{id}`. */
  path: string;
  /** Set when the whole collection can be listed (registries: tens to hundreds); the answer's key. */
  list?: { key: string; summary: string };
  /** Read: who receives it in the feed and may fetch it. Write: who may run its mutators. */
  scopes: { read: Scope; write: Scope | null };
  mutators: M;
}

// biome-ignore lint/suspicious/noExplicitAny: any descriptor, whatever its entity, mutators and platform capabilities
export type AnyEntity = EntityDescriptor<string, any, Record<string, Mutator<any, any>>, any>;

/** Describes an entity; `T` is its type, `P` what the platform lends its mutators. */
export const defineEntity =
  <T extends Versioned, P = undefined>() =>
  <const N extends string, M extends Record<string, Mutator<T, P>>>(descriptor: EntityDescriptor<N, T, M, P>) =>
    descriptor;

/** A create mutator of an entity `T` (helps inference: the arguments are typed from `args`). */
export const createMutator =
  <T, P = undefined>() =>
  <S extends z.ZodType<{ id: string }>>(mutator: Omit<CreateMutator<T, S, P>, 'kind'>): CreateMutator<T, S, P> => ({
    kind: 'create',
    ...mutator,
  });

/** An update mutator of an entity `T`. */
export const updateMutator =
  <T, P = undefined>() =>
  <S extends z.ZodType>(mutator: Omit<UpdateMutator<T, S, P>, 'kind'>): UpdateMutator<T, S, P> => ({ kind: 'update', ...mutator });
