import { type Change, diffWords } from 'diff';
import type { PolicySection } from '../api/policies';

export interface SectionDiff {
  id: string;
  heading: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  /** Word by word, the heading then the text: what stayed, what went, what came. */
  words: Change[];
}

/**
 * Two versions compared section by section (by section id, in the newer version's order, removed sections at
 * the place they had), each changed section word by word.
 */
export function diffSections(before: readonly PolicySection[], after: readonly PolicySection[]): SectionDiff[] {
  const old = new Map(before.map((section) => [section.id, section]));
  const kept = new Set(after.map((section) => section.id));
  const text = (section: PolicySection) => `${section.heading}\n\n${section.body}`;
  const result: SectionDiff[] = after.map((section) => {
    const previous = old.get(section.id);
    if (!previous)
      return {
        id: section.id,
        heading: section.heading,
        change: 'added',
        words: [{ value: text(section), added: true, removed: false, count: 1 }],
      };
    const same = previous.heading === section.heading && previous.body === section.body;
    return {
      id: section.id,
      heading: section.heading,
      change: same ? 'same' : 'changed',
      words: same ? [{ value: text(section), added: false, removed: false, count: 1 }] : diffWords(text(previous), text(section)),
    };
  });
  // A removed section goes after the nearest earlier section that is still there (at the top when none is).
  before.forEach((section, index) => {
    if (kept.has(section.id)) return;
    const anchor = before
      .slice(0, index)
      .reverse()
      .find((earlier) => result.some((entry) => entry.id === earlier.id));
    const at = anchor ? result.findIndex((entry) => entry.id === anchor.id) + 1 : 0;
    result.splice(at, 0, {
      id: section.id,
      heading: section.heading,
      change: 'removed',
      words: [{ value: text(section), added: false, removed: true, count: 1 }],
    });
  });
  return result;
}

/** Per section, what a comparison found: how many words went and came (the summary above the comparison). */
export function changeSummary(
  diff: readonly SectionDiff[],
): { id: string; heading: string; change: SectionDiff['change']; added: number; removed: number }[] {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  return diff
    .filter((section) => section.change !== 'same')
    .map((section) => ({
      id: section.id,
      heading: section.heading,
      change: section.change,
      added: section.words.filter((part) => part.added).reduce((sum, part) => sum + words(part.value), 0),
      removed: section.words.filter((part) => part.removed).reduce((sum, part) => sum + words(part.value), 0),
    }));
}
