import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentEvent } from '../../shared/api/breaches';
import { useDateFormat } from '../app/format';
import { nameOr, useLabels } from '../app/labels';
import { useStaffNames } from '../app/staff';

/** Who did what, newest first, each entry worded in the reader's language from what it records. */
export function IncidentTimeline({ incident }: { incident: Incident }) {
  const f = useDateFormat();
  const staffName = useStaffNames();
  const say = useEventText(incident);
  return (
    <Stack gap={2} data-testid="incident-timeline">
      {/* Newest first by when it happened (entries recorded later for an earlier instant fall into place). */}
      {incident.timeline
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.index - a.index)
        .map(({ entry }) => (
          <Text size="xs" key={entry.id} data-kind={entry.kind}>
            {f.instant(entry.at)} · {staffName(entry.actor)} · {say(entry)}
            {entry.text && entry.kind !== 'note' && ` — ${entry.text}`}
          </Text>
        ))}
    </Stack>
  );
}

function useEventText(incident: Incident) {
  const { t, i18n } = useTranslation('breaches');
  const names = useLabels();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const yes = (value: unknown) => (value ? t('detail.yes') : t('detail.no'));
  const score = (value: unknown) => Number(value).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB');
  const band = (value: unknown) => nameOr(names.severityBand, String(value));
  const list = (value: unknown, prefix: 'field' | 'moved') =>
    String(value ?? '')
      .split(',')
      .filter(Boolean)
      .map((name) => (i18n.exists(`breaches:${prefix}.${name}`) ? t(`${prefix}.${name}` as 'field.title') : name))
      .join(', ');
  const fieldNames = (value: unknown) => list(value, 'field');
  const movedNames = (value: unknown) => list(value, 'moved');
  const taskTitle = (key: unknown) => incident.playbook.tasks.find((task) => task.key === key)?.title[language] ?? String(key);
  return (entry: IncidentEvent): string => {
    const p = entry.params;
    switch (entry.kind) {
      case 'logged':
        return p.playbook ? t('event.loggedPlaybook', { playbook: p.playbook }) : t('event.logged');
      case 'facts':
        return t('event.facts', { fields: fieldNames(p.fields) });
      case 'assessed':
        return t('event.assessed', { band: band(p.band), score: score(p.score) });
      case 'reassessed':
        return p.moved
          ? t('event.reassessed', { band: band(p.band), score: score(p.score), moved: movedNames(p.moved) })
          : t('event.reassessedSame', { band: band(p.band), score: score(p.score) });
      case 'decision_void':
        return t('event.decision_void');
      case 'decision_review':
        return t('event.decision_review');
      case 'decided':
        return t('event.decided', { authority: yes(p.authority), subjects: yes(p.subjects) });
      case 'status':
        return t('event.status', { from: nameOr(names.incidentStatus, String(p.from)), to: nameOr(names.incidentStatus, String(p.to)) });
      case 'task':
        return t(p.done ? 'event.taskDone' : 'event.taskOpen', { task: taskTitle(p.key) });
      case 'report':
        return t('event.report', {
          phase: nameOr(names.reportPhase, String(p.phase)),
          channel: nameOr(names.reportChannel, String(p.channel)),
        });
      case 'reference':
        return t('event.reference', { reference: p.reference });
      case 'exemption':
        return t('event.exemption', { ground: nameOr(names.subjectExemption, String(p.ground)) });
      case 'note':
        return entry.text;
    }
  };
}
