import { Alert, Badge, Button, Timeline as MantineTimeline, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DsarEvent } from '../../../shared/api/dsar-workflow';
import { letterText } from '../../../shared/domain/letters';
import { download } from '../../app/download';
import { useDateFormat } from '../../app/format';
import { nameOr, useLabels } from '../../app/labels';
import { useProblemText } from '../../app/problems';
import { useStaffNames } from '../../app/staff';
import { useBridge } from '../../bridge/context';

/** Who did what, when: the full history of a request, newest first. */
export function Timeline({
  requestId,
  events,
  processorName,
}: {
  requestId: string;
  events: DsarEvent[];
  processorName(id: string): string;
}) {
  const { t } = useTranslation('dsar');
  const bridge = useBridge();
  const problems = useProblemText();
  const [letterError, setLetterError] = useState<{ eventId: string; text: string } | null>(null);
  const printLetter = (eventId: string) =>
    bridge['dsar.letter']({ id: requestId, eventId }).then(
      (file) => {
        download(file);
        setLetterError(null);
      },
      (error: unknown) => setLetterError({ eventId, text: problems.failure(error) }),
    );
  const names = useLabels();
  const staffName = useStaffNames();
  const f = useDateFormat();
  const actor = (id: string) => (id === 'platform' ? t('timeline.platform') : id === 'subject' ? t('timeline.subject') : staffName(id));

  // A priority change reads in words, not in the platform's codes.
  const fieldValue = (field: string, value: string) => (!value ? '—' : field === 'priority' ? nameOr(names.priority, value) : value);

  const sentence = (e: DsarEvent): string => {
    switch (e.kind) {
      case 'received':
        return t('timeline.received', { channel: nameOr(names.channel, e.channel) });
      case 'status':
        return t('timeline.status', { from: nameOr(names.dsarStatus, e.from), to: nameOr(names.dsarStatus, e.to) });
      case 'assigned':
        return e.assigneeId ? t('timeline.assigned', { name: staffName(e.assigneeId) }) : t('timeline.unassigned');
      case 'fields':
        return e.changes
          .map((c) =>
            t('timeline.field', {
              field: nameOr(names.field, c.field),
              before: fieldValue(c.field, c.before),
              after: fieldValue(c.field, c.after),
            }),
          )
          .join('; ');
      case 'note':
        return t('timeline.note', { text: e.text });
      case 'identity_requested':
        return t('timeline.identityRequested');
      case 'identity_recorded':
        return (
          t('timeline.identityRecorded', { method: names.identityMethod[e.method], outcome: names.identityOutcome[e.outcome] }) +
          (e.note ? ` – ${e.note}` : '')
        );
      case 'clarification_requested':
        return t('timeline.clarificationRequested');
      case 'clarification_received':
        return t('timeline.clarificationReceived', { note: e.note });
      case 'extended':
        return t('timeline.extended', { reason: e.reason, baseDue: f.day(e.baseDue) });
      case 'denied':
        return t('timeline.denied', { reason: names.denialReason[e.reason], explanation: e.explanation });
      case 'duplicate':
        return t('timeline.duplicate', { of: e.of });
      case 'message':
        return t(e.message.delivery === 'post' ? 'timeline.messageByPost' : 'timeline.message', {
          kind: names.messageKind[e.message.kind],
          subject: e.message.subject,
        });
      case 'job_started':
        return t('timeline.jobStarted', { job: names.jobKind[e.job] });
      case 'job_finished':
        return t(e.state === 'succeeded' ? 'timeline.jobSucceeded' : 'timeline.jobFailed', {
          job: names.jobKind[e.job],
          summary: e.summary,
        });
      case 'item_excluded':
        return t('timeline.itemExcluded', { item: e.itemId, category: names.dataCategory[e.category], reason: e.reason });
      case 'item_included':
        return t('timeline.itemIncluded', { item: e.itemId, category: names.dataCategory[e.category] });
      case 'delivered':
        return t('timeline.delivered', { files: e.files.length, excluded: e.excluded, sha: e.sha256.slice(0, 12) });
      case 'recipient_informed':
        return t('timeline.recipientInformed', { processor: processorName(e.processorId), date: f.day(e.informedOn) });
      case 'rectified':
        return e.changes
          .map((c) =>
            t('timeline.field', {
              field: nameOr(names.field, c.field),
              before: c.before || '—',
              after: c.after,
            }),
          )
          .join('; ');
      case 'flags':
        return t('timeline.flags', {
          restricted: e.restricted ? t('common.yes') : t('common.no'),
          objections: e.objections.map((o) => names.objectionPurpose[o]).join(', ') || '—',
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
          {event.kind === 'message' && (
            // The letter as the person received it: the text, the required parts, the closing.
            <details data-testid="sent-letter">
              <summary>
                <Text span size="xs">
                  {t('timeline.readLetter')}
                </Text>
              </summary>
              <Text size="sm" fw={500} mt={4}>
                {event.message.subject}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {letterText(event.message, event.parts)}
              </Text>
            </details>
          )}
          {event.kind === 'message' && event.message.delivery === 'post' && !event.id.startsWith('pending-') && (
            // The same letter, laid out for a window envelope, to print and post.
            <>
              <Button size="compact-xs" variant="default" mt={4} data-testid="print-letter" onClick={() => void printLetter(event.id)}>
                {t('timeline.printLetter')}
              </Button>
              {letterError?.eventId === event.id && (
                <Alert color="red" py={4} mt={4} data-testid="letter-error">
                  {letterError.text}
                </Alert>
              )}
            </>
          )}
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
