import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BreachFamily, EncryptionState, type Incident, LossKind, VulnerableGroup } from '../../shared/api/breaches';
import { DataCategory } from '../../shared/api/dsar-workflow';
import { localDateTime, zonedInstant } from '../../shared/domain/calendar';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { Modal, useCloseGuard } from '../app/dialogs';
import { useClock } from '../app/format';
import { optionsOf, useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useWorkspace } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { useRegistryNames } from './useRegistry';

type Options<T extends string> = T[];

/**
 * Logging an incident: what happened, when it was discovered and when the controller became aware (the clock
 * starts there), what was lost, which data and roughly how many people. Checked by the same rules as on the
 * platform before anything is queued. Given an incident, the same form changes its facts: only what changed is
 * sent, and a fact the assessment rests on re-runs it (the timeline says what moved).
 */
export function IncidentForm({ incident, onClose, onCreated }: { incident?: Incident; onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const problems = useProblemText();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const timeZone = useClock().data?.timeZone ?? 'Europe/Berlin';
  const me = useWorkspace().data?.me?.staff.id ?? '';
  const now = localDateTime(new Date(), timeZone);
  const local = (instant: string) => localDateTime(new Date(instant), timeZone);
  const reporter = incident?.reportedBy.kind === 'processor' ? incident.reportedBy : null;
  const [title, setTitle] = useState(incident?.title ?? '');
  const [description, setDescription] = useState(incident?.description ?? '');
  const [family, setFamily] = useState<string | null>(incident?.family ?? null);
  const [discoveredAt, setDiscoveredAt] = useState(incident ? local(incident.discoveredAt) : now);
  const [awareAt, setAwareAt] = useState(incident ? local(incident.awareAt) : now);
  const [losses, setLosses] = useState<Options<string>>(incident?.losses ?? []);
  const [categories, setCategories] = useState<Options<string>>(incident?.categories ?? []);
  const [people, setPeople] = useState<{ min: number | string; max: number | string }>(incident?.people ?? { min: 1, max: 1 });
  const [records, setRecords] = useState<{ min: number | string; max: number | string }>(incident?.records ?? { min: 1, max: 1 });
  const [vulnerable, setVulnerable] = useState<Options<string>>(incident?.vulnerableGroups ?? []);
  const [encryption, setEncryption] = useState<string>(incident?.encryption ?? 'unknown');
  const [byProcessor, setByProcessor] = useState(reporter !== null);
  const [processorId, setProcessorId] = useState<string | null>(reporter?.processorId ?? null);
  const [processorAwareAt, setProcessorAwareAt] = useState(reporter ? local(reporter.processorAwareAt) : now);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const registry = useRegistryNames();
  const [activityIds, setActivityIds] = useState<string[]>(incident?.activityIds ?? []);
  const [processorIds, setProcessorIds] = useState<string[]>(incident?.processorIds ?? []);
  const dirty = incident
    ? title !== incident.title || description !== incident.description
    : title.trim() !== '' || description.trim() !== '';
  const { requestClose, guard } = useCloseGuard(dirty, onClose);

  const submit = async () => {
    setFailure(null);
    const aware = zonedInstant(awareAt, timeZone);
    const discovered = zonedInstant(discoveredAt, timeZone);
    const processorAware = zonedInstant(processorAwareAt, timeZone);
    const local: Record<string, string> = {};
    if (!aware) local.awareAt = problems.text('invalid-date');
    if (!discovered) local.discoveredAt = problems.text('invalid-date');
    if (!family) local.family = problems.text('required');
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setSaving(true);
    try {
      const facts = {
        title: title.trim(),
        description: description.trim(),
        family: family as BreachFamily,
        discoveredAt: (discovered as Date).toISOString(),
        awareAt: (aware as Date).toISOString(),
        awareDecidedBy: incident?.awareDecidedBy ?? me,
        ownerId: incident?.ownerId ?? me,
        reportedBy:
          byProcessor && processorId
            ? { kind: 'processor' as const, processorId, processorAwareAt: (processorAware ?? (aware as Date)).toISOString() }
            : incident?.reportedBy.kind === 'staff'
              ? incident.reportedBy
              : { kind: 'staff' as const, staffId: me },
        losses: losses as LossKind[],
        categories: categories as DataCategory[],
        activityIds,
        // The reporting processor is one of those concerned.
        processorIds: [...new Set([...processorIds, ...(byProcessor && processorId ? [processorId] : [])])],
        people: { min: Number(people.min), max: Number(people.max) },
        records: { min: Number(records.min), max: Number(records.max) },
        vulnerableGroups: vulnerable as VulnerableGroup[],
        encryption: encryption as EncryptionState,
      };
      if (incident) {
        // Only what changed: the platform re-runs the assessment where a fact it rests on moved.
        const patch = Object.fromEntries(
          Object.entries(facts).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(incident[key as keyof typeof facts])),
        );
        if (Object.keys(patch).length) await bridge['incident.update']({ id: incident.id, patch });
        void queryClient.invalidateQueries({ queryKey: ['incident'] });
        onCreated(incident.id);
        return;
      }
      const created = await bridge['incident.create'](facts);
      void queryClient.invalidateQueries({ queryKey: ['incident'] });
      onCreated(created.id);
    } catch (error) {
      setErrors(error instanceof BridgeCallError ? problems.byField(error.issues) : {});
      setFailure(problems.failure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={requestClose} title={incident ? t('form.editTitle') : t('register.log')} size="xl" data-testid="incident-form">
      <Stack gap="sm">
        <TextInput
          label={t('form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <Textarea
          label={t('form.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('form.family')}
            data={optionsOf(BreachFamily.options, names.breachFamily)}
            value={family}
            onChange={setFamily}
            error={errors.family}
            required
          />
          <TextInput
            type="datetime-local"
            label={t('form.discoveredAt', { zone: timeZone })}
            value={discoveredAt}
            onChange={(e) => setDiscoveredAt(e.currentTarget.value)}
            error={errors.discoveredAt}
            required
          />
          <TextInput
            type="datetime-local"
            label={t('form.awareAt', { zone: timeZone })}
            description={t('form.awareHint')}
            value={awareAt}
            onChange={(e) => setAwareAt(e.currentTarget.value)}
            error={errors.awareAt}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('form.losses')}
            data={optionsOf(LossKind.options, names.lossKind)}
            value={losses}
            onChange={setLosses}
            error={errors.losses}
            searchable
            required
          />
          <MultiSelect
            label={t('form.categories')}
            data={optionsOf(DataCategory.options, names.dataCategory)}
            value={categories}
            onChange={setCategories}
            error={errors.categories}
            searchable
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t('form.peopleMin')}
            min={0}
            value={people.min}
            onChange={(min) => setPeople({ ...people, min })}
            error={errors['people.min']}
          />
          <NumberInput
            label={t('form.peopleMax')}
            min={0}
            value={people.max}
            onChange={(max) => setPeople({ ...people, max })}
            error={errors['people.max']}
          />
          <NumberInput label={t('form.recordsMin')} min={0} value={records.min} onChange={(min) => setRecords({ ...records, min })} />
          <NumberInput
            label={t('form.recordsMax')}
            min={0}
            value={records.max}
            onChange={(max) => setRecords({ ...records, max })}
            error={errors['records.max']}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('form.vulnerable')}
            data={optionsOf(VulnerableGroup.options, names.vulnerableGroup)}
            value={vulnerable}
            onChange={setVulnerable}
          />
          <Select
            label={t('form.encryption')}
            data={optionsOf(EncryptionState.options, names.encryptionState)}
            value={encryption}
            onChange={(value) => setEncryption(value ?? 'unknown')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('form.activities')}
            data={registry.activities}
            value={activityIds}
            onChange={setActivityIds}
            error={errors.activityIds}
            searchable
          />
          <MultiSelect
            label={t('form.processors')}
            data={registry.processors}
            value={processorIds}
            onChange={setProcessorIds}
            error={errors.processorIds}
            searchable
          />
        </SimpleGrid>
        <Checkbox label={t('form.reportedByProcessor')} checked={byProcessor} onChange={(e) => setByProcessor(e.currentTarget.checked)} />
        {byProcessor && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('form.processor')}
              data={registry.processors}
              value={processorId}
              onChange={setProcessorId}
              error={errors.reportedBy}
              searchable
            />
            <TextInput
              type="datetime-local"
              label={t('form.processorAwareAt', { zone: timeZone })}
              value={processorAwareAt}
              onChange={(e) => setProcessorAwareAt(e.currentTarget.value)}
            />
          </SimpleGrid>
        )}
        {failure && (
          <Alert color="red" data-testid="incident-error">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={requestClose}>
            {t('form.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={saving} data-testid="save-incident">
            {incident ? t('form.saveChanges') : t('form.save')}
          </Button>
        </Group>
      </Stack>
      {guard}
    </Modal>
  );
}
