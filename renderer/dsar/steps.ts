/** The workflow steps the detail pane offers, each with its key: the feature declares them, the pane binds them. */
export const detailSteps = [
  ['acknowledge', 'a'],
  ['start', 's'],
  ['request_identity', 'i'],
  ['record_identity', 'v'],
  ['request_clarification', 'c'],
  ['record_clarification', 'y'],
  ['extend', 'x'],
  ['complete', 'e'],
  ['mark_duplicate', 'p'],
  ['deny', 'd'],
  ['withdraw', 'w'],
  ['add_note', 'n'],
] as const;
