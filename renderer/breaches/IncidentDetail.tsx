import { Alert, Badge, Button, Divider, Group, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../shared/api/breaches';
import { breachAuthorityDeadline } from '../../shared/domain/breach-clock';
import { taskOverdue } from '../../shared/domain/breach-playbooks';
import { useAction } from '../app/actions';
import { Drawer } from '../app/dialogs';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useStaffNames } from '../app/staff';
import { useMayWrite } from '../app/workspace';
import { PlatformHistory } from '../audit/PlatformHistory';
import { UndoBar } from '../sync/UndoBar';
import { AssessmentPanel } from './AssessmentPanel';
import { AuthorityReports } from './AuthorityReports';
import { ClockBadge } from './BreachRegister';
import { IncidentForm } from './IncidentForm';
import { IncidentTimeline } from './IncidentTimeline';
import { type IncidentTab, incidentTabs } from './incident-tabs';
import { PlaybookTasks } from './PlaybookTasks';
import { SubjectNotices } from './SubjectNotices';
import { useIncidentStep } from './useIncidentStep';
import { useRegistryNames } from './useRegistry';

/**
 * One incident: its facts and the clock, its playbook, the severity with its reasoning and the decision, the
 * reports to the authority, the notices to the people affected, and the timeline — one tab each.
 */
export function IncidentDetail({ incident, now, onClose }: { incident: Incident; now: Date; onClose(): void }) {
  const { t, i18n } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const mayWrite = useMayWrite('breach:write');
  const mayDecide = useMayWrite('breach:decide');
  // Counts in the reader's notation (4.000 in German).
  const count = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE');
  const registry = useRegistryNames();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<IncidentTab>('overview');
  const deadline = breachAuthorityDeadline(incident.awareAt);
  const overdue = incident.playbook.tasks.filter((task) => taskOverdue(incident.awareAt, task, now)).length;
  const processorDelay =
    incident.reportedBy.kind === 'processor'
      ? Math.round((Date.parse(incident.awareAt) - Date.parse(incident.reportedBy.processorAwareAt)) / 3_600_000)
      : null;

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={incident.title} data-testid="incident-detail">
      <TabKeys onTab={setTab} />
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="outline">{names.breachFamily[incident.family]}</Badge>
          <Badge variant="default" data-testid="incident-status">
            {names.incidentStatus[incident.status]}
          </Badge>
          {incident.status !== 'closed' && <ClockBadge incident={incident} now={now} />}
          {incident.authorityReference && (
            <Badge variant="outline" color="gray" data-testid="authority-reference">
              {incident.authorityReference}
            </Badge>
          )}
        </Group>
        {!incident.reports.length && incident.decision?.authority !== false && (
          <Text size="sm" data-testid="deadline">
            {t('clock.due', { deadline: f.instant(deadline) })}
          </Text>
        )}
        <UndoBar entity="incident" id={incident.id} />
        <Tabs value={tab} onChange={(value) => setTab((value as IncidentTab) ?? 'overview')} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview">{t('tabs.overview')}</Tabs.Tab>
            <Tabs.Tab
              value="playbook"
              data-testid="tab-playbook"
              rightSection={
                overdue > 0 ? (
                  <Badge size="xs" color="red" circle>
                    {overdue}
                  </Badge>
                ) : null
              }
            >
              {t('tabs.playbook')}
            </Tabs.Tab>
            <Tabs.Tab value="assessment" data-testid="tab-assessment">
              {t('tabs.assessment')}
            </Tabs.Tab>
            <Tabs.Tab value="reports" data-testid="tab-reports">
              {t('tabs.reports')}
            </Tabs.Tab>
            <Tabs.Tab value="people" data-testid="tab-people">
              {t('tabs.people')}
            </Tabs.Tab>
            <Tabs.Tab value="timeline" data-testid="tab-timeline">
              {t('tabs.timeline')}
            </Tabs.Tab>
          </Tabs.List>

          <Tabs.Panel value="overview" pt="sm">
            <Stack gap="sm">
              {processorDelay !== null && processorDelay > 0 && (
                <Alert color="yellow" py={6}>
                  {t('clock.processorDelay', { hours: processorDelay })}
                </Alert>
              )}
              <Group justify="space-between">
                <Title order={3} size="h5">
                  {t('detail.facts')}
                </Title>
                {mayWrite && incident.status !== 'closed' && (
                  <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="edit-facts">
                    {t('form.edit')}
                  </Button>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {incident.description}
              </Text>
              <Text size="sm" c="dimmed" data-testid="incident-instants">
                {t('detail.instants', {
                  discovered: f.instant(incident.discoveredAt),
                  aware: f.instant(incident.awareAt),
                  by: staffName(incident.awareDecidedBy),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {incident.losses.map((loss) => names.lossKind[loss]).join(', ')} ·{' '}
                {incident.categories.map((category) => names.dataCategory[category]).join(', ')} ·{' '}
                {names.encryptionState[incident.encryption]}
              </Text>
              <Text size="sm" c="dimmed">
                {t('detail.people', {
                  min: count(incident.people.min),
                  max: count(incident.people.max),
                  recordsMin: count(incident.records.min),
                  recordsMax: count(incident.records.max),
                })}
                {incident.vulnerableGroups.length > 0 && ` · ${incident.vulnerableGroups.map((g) => names.vulnerableGroup[g]).join(', ')}`}
              </Text>
              <Text size="sm" c="dimmed">
                {t('detail.reportedBy')}:{' '}
                {incident.reportedBy.kind === 'staff'
                  ? staffName(incident.reportedBy.staffId)
                  : registry.processorName(incident.reportedBy.processorId)}{' '}
                · {t('detail.owner')}: {staffName(incident.ownerId)}
              </Text>
              <Text size="sm" c="dimmed" data-testid="incident-links">
                {t('detail.links', {
                  activities: incident.activityIds.map(registry.activityName).join(', ') || t('detail.none'),
                  processors: incident.processorIds.map(registry.processorName).join(', ') || t('detail.none'),
                })}
              </Text>
              <Divider />
              <AftermathForm
                incident={incident}
                // Security leads change it among the facts; privacy officers, who report it, write it too.
                channel={mayWrite ? 'incident.update' : mayDecide ? 'incident.setAftermath' : null}
              />
              {mayWrite && incident.status !== 'closed' && (
                <>
                  <Divider />
                  <StatusForm incident={incident} />
                </>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="playbook" pt="sm">
            <PlaybookTasks incident={incident} now={now} />
          </Tabs.Panel>
          <Tabs.Panel value="assessment" pt="sm">
            <AssessmentPanel incident={incident} now={now} />
          </Tabs.Panel>
          <Tabs.Panel value="reports" pt="sm">
            <AuthorityReports incident={incident} now={now} />
          </Tabs.Panel>
          <Tabs.Panel value="people" pt="sm">
            <SubjectNotices incident={incident} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="sm">
            <Stack gap="md">
              <IncidentTimeline incident={incident} />
              <PlatformHistory entity="incident" id={incident.id} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
      {editing && <IncidentForm incident={incident} onClose={() => setEditing(false)} onCreated={() => setEditing(false)} />}
    </Drawer>
  );
}

/** The keys 1–6 open the tabs; bound inside the drawer, whose keyboard layer is the active one while it is open. */
function TabKeys({ onTab }: { onTab(tab: IncidentTab): void }) {
  for (const each of incidentTabs) {
    // biome-ignore lint/correctness/useHookAtTopLevel: a fixed list, the same hooks on every render
    useAction(`incident.tab.${each}`, () => onTab(each));
  }
  return null;
}

/** Art. 33(3)(c) and (d): the likely consequences and the measures, written as they become known. */
function AftermathForm({ incident, channel }: { incident: Incident; channel: 'incident.update' | 'incident.setAftermath' | null }) {
  const editable = channel !== null && incident.status !== 'closed';
  const { t } = useTranslation('breaches');
  const { mutation, errors, failure } = useIncidentStep(incident);
  const [consequences, setConsequences] = useState(incident.consequences);
  const [measures, setMeasures] = useState(incident.measures);
  const changed = consequences.trim() !== incident.consequences || measures.trim() !== incident.measures;
  return (
    <Stack gap="xs" data-testid="aftermath">
      <Title order={3} size="h5">
        {t('aftermath.title')}
      </Title>
      <Textarea
        label={t('aftermath.consequences')}
        value={consequences}
        onChange={(e) => setConsequences(e.currentTarget.value)}
        readOnly={!editable}
        error={errors.consequences}
        autosize
        minRows={2}
        data-testid="consequences"
      />
      <Textarea
        label={t('aftermath.measures')}
        value={measures}
        onChange={(e) => setMeasures(e.currentTarget.value)}
        readOnly={!editable}
        error={errors.measures}
        autosize
        minRows={2}
        data-testid="measures"
      />
      {failure && !errors.consequences && !errors.measures && (
        <Alert color="red" py={6}>
          {failure}
        </Alert>
      )}
      {editable && (
        <Button
          w="fit-content"
          variant="default"
          disabled={!changed}
          loading={mutation.isPending}
          onClick={() =>
            channel &&
            mutation.mutate(
              channel === 'incident.update'
                ? { channel, args: { patch: { consequences, measures } } }
                : { channel, args: { consequences, measures } },
            )
          }
          data-testid="save-aftermath"
        >
          {t('aftermath.save')}
        </Button>
      )}
    </Stack>
  );
}

/** Contain or close, with a note; closing needs the decision (the rule says so in words). */
function StatusForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation('breaches');
  const { mutation, errors, failure } = useIncidentStep(incident);
  const [note, setNote] = useState('');
  const go = (status: 'contained' | 'closed') => mutation.mutate({ channel: 'incident.setStatus', args: { status, note } });
  return (
    <Stack gap="xs">
      <TextInput
        label={t('detail.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note ?? errors.status}
      />
      {failure && !errors.note && !errors.status && (
        <Alert color="red" py={6}>
          {failure}
        </Alert>
      )}
      <Group>
        {incident.status === 'open' && (
          <Button variant="default" onClick={() => go('contained')} loading={mutation.isPending}>
            {t('detail.contain')}
          </Button>
        )}
        <Button variant="default" onClick={() => go('closed')} loading={mutation.isPending} data-testid="close-incident">
          {t('detail.close')}
        </Button>
      </Group>
    </Stack>
  );
}
