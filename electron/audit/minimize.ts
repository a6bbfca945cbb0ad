import { findEntity } from '../../shared/entities/registry';

/** A value that says what was done without saying anything about a person: an id, a kind, a day, a number, a flag. */
const PLAIN = /^[A-Za-z0-9_.:+-]{1,64}$/;

function plain(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return PLAIN.test(value) ? value : undefined;
  if (Array.isArray(value)) {
    const kept = value.slice(0, 20).map((item) => plain(item, depth + 1));
    return kept.every((item) => item !== undefined) ? kept : undefined;
  }
  if (typeof value === 'object' && depth < 2) {
    const kept = Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => [key, plain(inner, depth + 1)] as const)
      .filter(([, inner]) => inner !== undefined);
    return Object.fromEntries(kept);
  }
  return undefined;
}

/**
 * What the audit trail keeps of a write's arguments (it is never thrown away, so it keeps no more than it needs,
 * Art. 5(1)(c), (e)): the descriptor's audit detail where the mutator names one (as the platform's log keeps it);
 * otherwise the values that say what was done — ids, kinds, days, numbers, flags — and never free text, names,
 * addresses or letters.
 */
export function auditedArgs(entity: string, mutator: string, args: Record<string, unknown>): Record<string, unknown> {
  const definition = findEntity(entity as never)?.mutators[mutator];
  const detail = definition?.auditDetail ? definition.auditDetail(args as never) : args;
  const kept = plain(detail, 0);
  return kept && typeof kept === 'object' && !Array.isArray(kept) ? (kept as Record<string, unknown>) : {};
}
