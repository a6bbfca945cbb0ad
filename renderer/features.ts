import { accessFeature } from './access/feature';
import { auditFeature } from './audit/feature';
import { breachesFeature } from './breaches/feature';
import { dsarFeature } from './dsar/feature';
import { overviewFeature } from './overview/feature';
import { policiesFeature } from './policies/feature';
import { processorsFeature } from './processors/feature';
import { settingsFeature } from './settings/feature';

/** Every feature of the console: the shell reads its screens, texts, keys and labels from here. */
export const features = [
  overviewFeature,
  dsarFeature,
  breachesFeature,
  processorsFeature,
  policiesFeature,
  accessFeature,
  auditFeature,
  settingsFeature,
] as const;
