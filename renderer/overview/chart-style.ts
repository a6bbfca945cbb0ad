import type { DsarType } from '../../shared/api/dsar';

/** Chart colours as Mantine variables: they follow the light and the dark theme. */
export const typeColors: Record<DsarType, string> = {
  access: 'var(--mantine-color-blue-6)',
  rectification: 'var(--mantine-color-cyan-6)',
  erasure: 'var(--mantine-color-red-6)',
  restriction: 'var(--mantine-color-orange-6)',
  portability: 'var(--mantine-color-grape-6)',
  objection: 'var(--mantine-color-teal-6)',
};
export const axis = { fontSize: 11, stroke: 'var(--mantine-color-dimmed)', tick: { fill: 'var(--mantine-color-dimmed)' } };
export const grid = { strokeDasharray: '3 3', stroke: 'var(--mantine-color-default-border)' };
export const tooltip = {
  contentStyle: { background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)', fontSize: 12 },
  cursor: { fill: 'var(--mantine-color-default-hover)' },
};
