import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Kbd,
  Loader,
  Paper,
  ScrollArea,
  Select,
  Stack,
  TagsInput,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedIn } from '../../shared/domain/dsar-workflow';
import type { DsarDetail } from '../../shared/ipc/contract';
import { useAction } from '../app/actions';
import { useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useAssignableStaff } from '../app/staff';
import { SubjectPanels } from '../app/subject-panels';
import { PlatformHistory } from '../audit/PlatformHistory';
import { UndoBar } from '../sync/UndoBar';
import { ActionDialog, type DialogKind } from './detail/ActionDialog';
import { DeadlineCard } from './detail/DeadlineCard';
import { Fulfilment } from './detail/Fulfilment';
import { RecipientTasks } from './detail/RecipientTasks';
import { Timeline } from './detail/Timeline';
import { detailSteps } from './steps';
import { useAssignGuard } from './useAssignGuard';
import { useAct, useRequestDetail, useUpdateRequest } from './useRequest';

const steps = detailSteps.map(([kind, key]) => ({ kind, key, action: kind }));

/** Binds one step's key while the step is offered. */
function StepKey({ kind, enabled, run }: { kind: DialogKind | 'start'; enabled: boolean; run(kind: DialogKind | 'start'): void }) {
  useAction(`detail.${kind}`, () => run(kind), enabled);
  return null;
}

export interface PaneWidth {
  /** The request takes the whole width; the queue steps aside. */
  wide?: boolean;
  onWide?(wide: boolean): void;
}

export function RequestDetail({
  id,
  mayWrite,
  onClose,
  wide = false,
  onWide,
}: { id: string; mayWrite: boolean; onClose(): void } & PaneWidth) {
  const { t } = useTranslation('dsar');
  const detail = useRequestDetail(id);
  const [dialog, setDialog] = useState<DialogKind | null>(null);

  if (!detail.data) {
    return (
      <Paper className="detail-pane" withBorder p="md">
        {detail.isPending ? <Loader size="sm" /> : <Text>{t('detail.notFound')}</Text>}
      </Paper>
    );
  }
  return (
    <Paper className="detail-pane" withBorder radius="md" component="section" aria-label={t('detail.title')} data-testid="request-detail">
      <DetailBody
        detail={detail.data}
        mayWrite={mayWrite}
        onClose={onClose}
        dialog={dialog}
        setDialog={setDialog}
        wide={wide}
        onWide={onWide}
      />
    </Paper>
  );
}

function DetailBody({
  detail,
  mayWrite,
  onClose,
  dialog,
  setDialog,
  wide,
  onWide,
}: {
  detail: DsarDetail;
  mayWrite: boolean;
  onClose(): void;
  dialog: DialogKind | null;
  setDialog(kind: DialogKind | null): void;
} & PaneWidth) {
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const problems = useProblemText();
  const { dsar } = detail;
  const act = useAct(dsar.id);
  const update = useUpdateRequest(dsar.id);
  const assignGuard = useAssignGuard({ undoShown: true });
  const [error, setError] = useState<string | null>(null);
  const available = steps.filter(
    (s) => mayWrite && allowedIn(s.action, dsar.status) && (s.kind !== 'mark_duplicate' || detail.duplicates.length > 0),
  );

  const run = (kind: DialogKind | 'start') => {
    if (kind === 'start') {
      act.mutateAsync({ type: 'start' }).then(
        () => setError(null),
        (e: unknown) => setError(problems.failure(e)),
      );
    } else setDialog(kind);
  };

  useAction('detail.close', onClose);
  useAction('detail.wide', () => onWide?.(!wide), onWide !== undefined);

  // The one assignee rule (mayBeAssigned), as the platform checks it.
  const officers = useAssignableStaff();
  const processorName = (pid: string) => detail.recipients?.find((r) => r.processorId === pid)?.legalName ?? pid;

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="sm" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h4" data-testid="detail-subject">
              {dsar.subject.name}
            </Title>
            <Text size="sm" c="dimmed">
              {[dsar.subject.email ?? t('detail.noEmail'), dsar.subject.userId ?? t('detail.noAccount'), dsar.subject.address]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap={6} mt={4}>
              <Badge variant="light">{names.dsarType[dsar.type]}</Badge>
              <Badge variant="outline" data-testid="detail-status">
                {names.dsarStatus[dsar.status]}
              </Badge>
              <Badge variant="default">{names.channel[dsar.channel]}</Badge>
              <Text size="xs" c="dimmed">
                {dsar.id}
              </Text>
              {detail.pending && (
                <Badge size="xs" color="orange" variant="outline">
                  {t('queue.pending')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {onWide && (
              <Tooltip label={`${t(wide ? 'detail.narrow' : 'detail.widen')} (W)`}>
                <ActionIcon
                  variant="subtle"
                  onClick={() => onWide(!wide)}
                  aria-label={t(wide ? 'detail.narrow' : 'detail.widen')}
                  aria-pressed={wide}
                  aria-keyshortcuts="Shift+W"
                  data-testid="detail-wide"
                >
                  {wide ? '⇥' : '⇤'}
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label={`${t('detail.close')} (Esc)`}>
              <ActionIcon variant="subtle" onClick={onClose} aria-label={t('detail.close')}>
                ✕
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>

        <UndoBar entity="dsar" id={dsar.id} />
        {dsar.duplicateOf && <Alert color="gray">{t('detail.isDuplicate', { id: dsar.duplicateOf })}</Alert>}
        {detail.duplicates.length > 0 && (
          <Alert color="yellow" data-testid="possible-duplicates" styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}>
            {t('detail.possibleDuplicates', { ids: detail.duplicates.map((d) => d.id).join(', ') })}
          </Alert>
        )}
        {dsar.notes && (
          <Text size="sm" fs="italic">
            „{dsar.notes}“
          </Text>
        )}

        <Group gap="sm" grow>
          <Select
            label={t('queue.assignee')}
            data={[{ value: '', label: t('queue.unassigned') }, ...officers.map((s) => ({ value: s.id, label: s.name }))]}
            value={dsar.assigneeId ?? ''}
            onChange={(value) => {
              const next = value || null;
              assignGuard.guard(dsar.assigneeId, next, () => update.mutate({ assigneeId: next }));
            }}
            disabled={!mayWrite}
            allowDeselect={false}
          />
          <Select
            label={t('detail.priority')}
            data={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: names.priority[p] }))}
            value={dsar.priority}
            onChange={(value) => value && update.mutate({ priority: value as 'low' | 'normal' | 'high' })}
            disabled={!mayWrite}
            allowDeselect={false}
          />
        </Group>
        <TagsInput
          label={t('detail.tags')}
          value={dsar.tags}
          onChange={(tags) => update.mutate({ tags })}
          disabled={!mayWrite}
          maxTags={20}
          placeholder={t('detail.tagsHint')}
        />

        <DeadlineCard detail={detail} />

        {steps.map((step) => (
          <StepKey key={step.kind} kind={step.kind} enabled={!dialog && available.includes(step)} run={run} />
        ))}
        {available.length > 0 && (
          <Group gap={6} data-testid="actions">
            {available.map((step) => (
              <Tooltip key={step.kind} label={<Kbd size="xs">{step.key}</Kbd>}>
                <Button
                  size="xs"
                  variant={step.kind === 'deny' || step.kind === 'withdraw' ? 'light' : 'default'}
                  color={step.kind === 'deny' || step.kind === 'withdraw' ? 'red' : undefined}
                  onClick={() => run(step.kind)}
                  aria-keyshortcuts={step.key}
                >
                  {t(`detail.action.${step.kind}`)}
                </Button>
              </Tooltip>
            ))}
          </Group>
        )}
        {error && (
          <Alert color="red" py={6}>
            {error}
          </Alert>
        )}

        {(dsar.status === 'in_progress' || detail.jobs.length > 0) && <Fulfilment detail={detail} mayWrite={mayWrite} />}
        {detail.recipients && <RecipientTasks detail={detail} tasks={detail.recipients} mayWrite={mayWrite} />}
        {dsar.subject.userId && <SubjectPanels accountId={dsar.subject.userId} requestType={dsar.type} />}

        <Title order={3} size="h5" mt="xs">
          {t('detail.timeline')}
        </Title>
        <Timeline requestId={dsar.id} events={dsar.events} processorName={processorName} />
        <PlatformHistory entity="dsar" id={dsar.id} />
      </Stack>
      {assignGuard.element}
      {dialog && <ActionDialog detail={detail} kind={dialog} onClose={() => setDialog(null)} />}
    </ScrollArea>
  );
}
