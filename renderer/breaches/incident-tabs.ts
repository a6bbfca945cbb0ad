/** The incident's tabs, in order: the keys 1–6 open them. */
export const incidentTabs = ['overview', 'playbook', 'assessment', 'reports', 'people', 'timeline'] as const;
export type IncidentTab = (typeof incidentTabs)[number];
