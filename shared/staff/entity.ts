import { Staff } from '../api/common';
import { defineEntity } from '../entities/descriptor';

/** A member of staff of the platform's operator: who can be assigned work, and who did what. */
export const staffEntity = defineEntity<Staff>()({
  name: 'staff',
  label: 'staff member',
  schema: Staff,
  path: '/v1/staff',
  list: { key: 'staff', summary: 'Staff accounts' },
  scopes: { read: 'staff:read', write: null },
  mutators: {},
});
