import type { Staff } from '../../shared/api/common';

const seededAt = '2025-01-06T08:00:00.000Z';
const member = (id: string, name: string, email: string, roles: Staff['roles'], active = true): Staff => ({
  id,
  version: 1,
  updatedAt: seededAt,
  name,
  email,
  roles,
  active,
});

/** The platform's privacy team as the demo workspace knows it. The first one is the default login. */
export const demoStaff: Staff[] = [
  member('stf_vogel', 'Dr. Katrin Vogel', 'k.vogel@lernwerk-akademie.de', ['privacy_officer']),
  member('stf_albrecht', 'Jonas Albrecht', 'j.albrecht@lernwerk-akademie.de', ['privacy_officer']),
  member('stf_yildiz', 'Mehmet Yıldız', 'm.yildiz@lernwerk-akademie.de', ['privacy_officer']),
  member('stf_krueger', 'Sabine Krüger', 's.krueger@lernwerk-akademie.de', ['security_lead']),
  member('stf_hartmann', 'Felix Hartmann', 'f.hartmann@lernwerk-akademie.de', ['legal']),
  member('stf_schmitt', 'Anna Schmitt', 'a.schmitt@lernwerk-akademie.de', ['admin']),
  member('stf_berger', 'Tim Berger', 't.berger@lernwerk-akademie.de', ['privacy_officer'], false),
];

export const demoWorkspaceName = 'Lernwerk Akademie (Demo)';

/** The demo controller and its DPO, as its reports name them and the demo console's settings start. */
export const demoController = {
  controllerName: 'Lernwerk Akademie GmbH (Demo)',
  controllerAddress: 'Friedrichstraße 68, 10117 Berlin',
  controllerContact: 'kontakt@lernwerk-akademie.de, +49 30 1234567-0',
  dpoName: 'Dr. Katrin Vogel',
  dpoContact: 'datenschutz@lernwerk-akademie.de, +49 30 1234567-70',
};
