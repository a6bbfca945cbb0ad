/** The tabs of an incident's detail, in order (each has a keyboard action). */
export const incidentTabs = ['overview', 'playbook', 'assessment', 'reports', 'people', 'timeline'] as const;
export type IncidentTab = (typeof incidentTabs)[number];
