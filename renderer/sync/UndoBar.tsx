import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityName } from '../../shared/entities/registry';
import { useAction } from '../app/actions';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useBridge } from '../bridge/context';
import { writeLabel } from './write-label';

/** Seconds left until an instant, counted down once a second while it lies ahead. */
function useSecondsUntil(instant: string | null): number {
  const left = () => (instant ? Math.max(0, Math.ceil((Date.parse(instant) - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `left` reads exactly `instant`
  useEffect(() => {
    setSeconds(left());
    if (!instant) return;
    const timer = setInterval(() => setSeconds(left()), 250);
    return () => clearInterval(timer);
  }, [instant]);
  return seconds;
}

/**
 * The newest change of an entity that has not reached the platform: an irreversible step during its moment
 * for undo (with a countdown and "send now"), or any change waiting for an unreachable platform. Undo takes
 * it back (also with `z`); once the platform has it the bar is gone and the timeline shows it as done.
 */
export function UndoBar({ entity, id }: { entity: EntityName; id: string }) {
  const { t, i18n } = useTranslation('common');
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const problems = useProblemText();
  const staffName = useStaffNames();
  const pending = useQuery({ queryKey: ['pending', entity, id], queryFn: () => bridge['writes.pending']({ entity, id }) });
  const write = pending.data ?? null;
  const seconds = useSecondsUntil(write?.holdUntil ?? null);
  const held = write?.holdUntil != null && seconds > 0;
  const shown = write !== null && (held || write.attempts > 0);
  const what = write ? writeLabel(write.entity, write.mutator, write.args, staffName, i18n.language === 'en' ? 'en' : 'de') : '';

  // The moment is over: the push takes it now; ask again until the platform has it.
  useEffect(() => {
    if (write?.holdUntil && seconds === 0) {
      const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['pending', entity, id] }), 500);
      return () => clearTimeout(timer);
    }
  }, [write?.holdUntil, seconds, queryClient, entity, id]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['pending', entity, id] });
    void queryClient.invalidateQueries({ queryKey: [entity] });
  };
  const undo = useMutation({
    mutationFn: (seq: number) => bridge['writes.undo']({ entity, id, seq }),
    onSuccess: ({ undone }) => {
      notifications.show({ color: undone ? 'teal' : 'orange', message: undone ? t('undo.undone', { what }) : t('undo.tooLate') });
      refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: problems.failure(error) }),
  });
  const release = useMutation({
    mutationFn: () => bridge['writes.release']({ entity, id }),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: 'red', message: problems.failure(error) }),
  });
  useAction('app.undo', () => write && undo.mutate(write.seq), shown);

  if (!shown) return null;
  return (
    // A region, not an alert: the countdown changes every second and must not be read out each time.
    <Alert color={held ? 'blue' : 'orange'} py={6} role="region" aria-label={t('undo.label')} data-testid="undo-bar" data-held={held}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">
          <span aria-hidden>{held ? t('undo.held', { what, seconds }) : t('undo.waiting', { what })}</span>
          {/* Said once, without the seconds. */}
          <span className="visually-hidden" role="status">
            {held ? t('undo.heldSpoken', { what }) : t('undo.waiting', { what })}
          </span>
        </Text>
        <Group gap={6} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="white"
            onClick={() => write && undo.mutate(write.seq)}
            loading={undo.isPending}
            aria-keyshortcuts="z"
          >
            {t('undo.undo')}
          </Button>
          {held && (
            <Button size="compact-sm" variant="subtle" onClick={() => release.mutate()} loading={release.isPending}>
              {t('undo.sendNow')}
            </Button>
          )}
        </Group>
      </Group>
    </Alert>
  );
}
