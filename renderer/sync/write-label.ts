import { type LabelLanguage, labels } from '../../shared/domain/labels';
import type { LabelContext } from '../app/feature';
import { features } from '../features';
import { declaredText } from '../i18n';

type Label = (args: Record<string, unknown>, context: LabelContext<unknown>) => string;

/**
 * Each entity's write labels and the namespace of their texts, from the feature that owns the entity. Built on
 * first use: the features' screens import this module, so the feature list is not complete while it loads.
 */
let labelsOf: Map<string, { namespace: string; labels: Record<string, Label> }> | null = null;
function ownerOf(entity: string) {
  if (!labelsOf) {
    labelsOf = new Map();
    for (const feature of features) {
      for (const [name, labels] of Object.entries(feature.conflicts)) {
        labelsOf.set(name, { namespace: feature.namespace, labels: labels as Record<string, Label> });
      }
    }
  }
  return labelsOf.get(entity);
}

/** How a write reads (a refused one, one waiting to be sent): as its button did, from the feature that owns the entity. */
export function writeLabel(
  entity: string,
  mutator: string,
  args: Record<string, unknown>,
  staffName: (id: string) => string,
  language: LabelLanguage,
): string {
  const owner = ownerOf(entity);
  const label = owner?.labels[mutator];
  // A test keeps every mutator of every entity labelled; an unknown one is a write of a newer console.
  if (!owner || !label) return `${entity}.${mutator}`;
  return label(args, {
    t: (key, options) => declaredText(owner.namespace, key as string, options),
    labels: labels[language],
    staffName,
  });
}
