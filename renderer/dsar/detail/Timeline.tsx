import { Badge, Timeline as MantineTimeline, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DsarEvent } from '../../../shared/api/dsar-workflow';
import { useDateFormat } from '../../app/format';
import { useStaffNames } from '../../app/staff';

/** Who did what, when: the full history of a request, newest first. */
export function Timeline({ events, processorName }: { events: DsarEvent[]; processorName(id: string): string }) {
  const { t } = useTranslation('dsar');
  const staffName = useStaffNames();
  const f = useDateFormat();
  const actor = (id: string) => (id === 'platform' ? t('timeline.platform') : id === 'subject' ? t('timeline.subject') : staffName(id));

  const sentence = (e: DsarEvent): string => {
    switch (e.kind) {
      case 'received':
        return t('timeline.received', { channel: t(`channel.${e.channel}`, { defaultValue: e.channel }) });
      case 'status':
        return t('timeline.status', { from: t(`dsarStatus.${e.from}`), to: t(`dsarStatus.${e.to}`) });
      case 'assigned':
        return e.assigneeId ? t('timeline.assigned', { name: staffName(e.assigneeId) }) : t('timeline.unassigned');
      case 'fields':
        return e.changes
          .map((c) =>
            t('timeline.field', {
              field: t(`field.${c.field}`, { defaultValue: c.field }),
              before: c.before || '—',
              after: c.after || '—',
            }),
          )
          .join('; ');
      case 'note':
        return t('timeline.note', { text: e.text });
      case 'identity_requested':
        return t('timeline.identityRequested');
      case 'identity_recorded':
        return (
          t('timeline.identityRecorded', { method: t(`identityMethod.${e.method}`), outcome: t(`identityOutcome.${e.outcome}`) }) +
          (e.note ? ` – ${e.note}` : '')
        );
      case 'clarification_requested':
        return t('timeline.clarificationRequested');
      case 'clarification_received':
        return t('timeline.clarificationReceived', { note: e.note });
      case 'extended':
        return t('timeline.extended', { reason: e.reason, baseDue: f.day(e.baseDue) });
      case 'denied':
        return t('timeline.denied', { reason: t(`denialReason.${e.reason}`), explanation: e.explanation });
      case 'duplicate':
        return t('timeline.duplicate', { of: e.of });
      case 'message':
        return t('timeline.message', { kind: t(`messageKind.${e.message.kind}`), subject: e.message.subject });
      case 'job_started':
        return t('timeline.jobStarted', { job: t(`jobKind.${e.job}`) });
      case 'job_finished':
        return t(e.state === 'succeeded' ? 'timeline.jobSucceeded' : 'timeline.jobFailed', {
          job: t(`jobKind.${e.job}`),
          summary: e.summary,
        });
      case 'item_excluded':
        return t('timeline.itemExcluded', { item: e.itemId, category: t(`dataCategory.${e.category}`), reason: e.reason });
      case 'item_included':
        return t('timeline.itemIncluded', { item: e.itemId, category: t(`dataCategory.${e.category}`) });
      case 'delivered':
        return t('timeline.delivered', { files: e.files.length, excluded: e.excluded, sha: e.sha256.slice(0, 12) });
      case 'recipient_informed':
        return t('timeline.recipientInformed', { processor: processorName(e.processorId), date: f.day(e.informedOn) });
      case 'rectified':
        return e.changes
          .map((c) =>
            t('timeline.field', {
              field: t(`field.${c.field}`, { defaultValue: c.field }),
              before: c.before || '—',
              after: c.after,
            }),
          )
          .join('; ');
      case 'flags':
        return t('timeline.flags', {
          restricted: e.restricted ? t('common.yes') : t('common.no'),
          objections: e.objections.map((o) => t(`objectionPurpose.${o}`)).join(', ') || '—',
        });
    }
  };

  return (
    <MantineTimeline bulletSize={12} lineWidth={2} data-testid="timeline">
      {[...events].reverse().map((event) => (
        <MantineTimeline.Item
          key={event.id}
          title={
            <Text size="sm" fw={500}>
              {sentence(event)}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {f.instant(event.at)} · {actor(event.actor)}
            {event.id.startsWith('pending-') && (
              <Badge ml={6} size="xs" color="orange" variant="outline">
                {t('queue.pending')}
              </Badge>
            )}
          </Text>
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
