/** What the command palette finds: one list over every module, each hit leading to its screen. */
export const searchKinds = ['request', 'incident', 'processor', 'activity', 'policy', 'staff'] as const;
export type SearchKind = (typeof searchKinds)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** A second line: the e-mail, the status, the country, the version's language. */
  detail: string;
}
