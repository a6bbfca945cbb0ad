import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { LabelTable } from '../../shared/domain/labels';
import type { EntityName, MutatorArgs, MutatorName } from '../../shared/entities/registry';
import type { Catalogue } from '../i18n/catalogue';
import type { ActionSpec } from './actions';
import type { SubjectPanel } from './subject-panels';

/** Every key of a catalogue, as the dot path to one of its texts. */
export type TextKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : TextKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A keyboard action whose texts are keys of the feature's catalogue. */
export type FeatureAction<T> = Omit<ActionSpec, 'label' | 'group'> & { label: TextKey<T>; group: TextKey<T> };

/** What a conflict label may use: the feature's texts (keys checked), the label table and the staff's names. */
export interface LabelContext<T = unknown> {
  t(key: TextKey<T>, options?: Record<string, unknown>): string;
  labels: LabelTable;
  staffName(id: string): string;
}

/** How each write of an entity reads in the conflicts drawer, by mutator: every mutator of the entity has one. */
export type ConflictLabels<T = unknown> = {
  [N in EntityName]?: { [M in MutatorName<N>]: (args: MutatorArgs<N, M>, context: LabelContext<T>) => string };
};

/**
 * A part of the console that registers itself with the shell: its screens and navigation entries, its texts,
 * its keyboard actions, how its writes read as conflicts, and which cached entities its screens show.
 */
export interface Feature<NS extends string = string, T = unknown> {
  /** The i18next namespace of its texts. */
  namespace: NS;
  /** German is the reference; English must have every key. */
  texts: { de: T; en: Catalogue<T> };
  routes: readonly { path: string; element: ReactNode }[];
  /** Navigation entries; `label` is a key of the feature's texts. */
  nav: readonly { path: string; label: TextKey<T>; order: number }[];
  /** Query keys to refresh from the cache when one of these entities changed there. */
  invalidates: Partial<Record<EntityName, readonly QueryKey[]>>;
  /** Query keys to refresh whichever entity changed in the cache (given the entity's name). */
  invalidatesOnAnyChange?: (entity: EntityName) => readonly QueryKey[];
  conflicts: ConflictLabels<T>;
  actions: readonly FeatureAction<T>[];
  /** What it shows in a request's detail about the person behind it. */
  subjectPanels?: readonly SubjectPanel[];
}

export const defineFeature = <const NS extends string, T>(feature: Feature<NS, T>) => feature;
