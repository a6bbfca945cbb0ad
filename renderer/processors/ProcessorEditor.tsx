import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DpaClause,
  type Processor,
  ProcessorDraft,
  ProcessorRole,
  ProcessorStatus,
  RiskRating,
  SccModule,
  ServiceCategory,
  TransferMechanism,
} from '../../shared/api/processors';
import { addMonthsClamped } from '../../shared/domain/calendar';
import { isEea, needsDpfAnswer } from '../../shared/domain/transfers';
import { Drawer, useCloseGuard } from '../app/dialogs';
import { useToday } from '../app/format';
import { optionsOf, useLabels } from '../app/labels';
import { PlatformHistory } from '../audit/PlatformHistory';
import { useBridge } from '../bridge/context';
import { ChangeNotices } from './ChangeNotices';
import { countryOptions } from './countries';
import { DpfQuestion } from './DpfQuestion';
import { SubProcessors } from './SubProcessors';
import { useRecordEditor } from './useRecordEditor';

function emptyDraft(today: string): ProcessorDraft {
  return {
    legalName: '',
    address: '',
    serviceCategory: 'hosting_cloud',
    role: 'processor',
    purposes: [],
    dataCategories: [],
    subjectCategories: [],
    countries: ['DE'],
    transfer: { mechanism: 'none', sccModule: null, tiaDate: null, dpfCertified: null },
    dpa: {
      signedAt: null,
      expiresAt: null,
      documentRef: '',
      checksum: null,
      clauses: Object.fromEntries(
        DpaClause.options.map((clause) => [clause, { met: false, note: '' }]),
      ) as ProcessorDraft['dpa']['clauses'],
    },
    certifications: [],
    contact: { name: '', email: '' },
    reviewCadenceMonths: 12,
    nextReviewAt: addMonthsClamped(today, 12),
    riskRating: 'medium',
    status: 'onboarding',
    subProcessors: [],
    changeNotices: [],
  };
}

function toDraft(processor: Processor): ProcessorDraft {
  const { id: _id, version: _version, updatedAt: _updatedAt, ...draft } = processor as Processor & { pending?: boolean };
  delete (draft as { pending?: boolean }).pending;
  return draft;
}

const day = (value: string) => (value === '' ? null : value);

export function ProcessorEditor({ processor, opened, onClose }: { processor: Processor | null; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('processors');
  const names = useLabels();
  const bridge = useBridge();
  const original = processor ? toDraft(processor) : null;
  const today = useToday();
  const [draft, setDraft] = useState<ProcessorDraft>(() => original ?? emptyDraft(today));
  const [opening] = useState(draft);
  const { requestClose, guard } = useCloseGuard(JSON.stringify(draft) !== JSON.stringify(opening), onClose);
  const {
    errors,
    submit: submitDraft,
    saving,
  } = useRecordEditor<ProcessorDraft>({
    schema: ProcessorDraft,
    original,
    create: (next) => bridge['processor.create'](next),
    update: (patch) => bridge['processor.update']({ id: processor?.id ?? '', patch }),
    entity: 'processor',
    savedMessage: t('processors.saved'),
    onClose,
  });
  const update = (patch: Partial<ProcessorDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const thirdCountries = draft.countries.filter((c) => !isEea(c));
  const submit = () => submitDraft(draft);

  return (
    <Drawer
      opened={opened}
      onClose={requestClose}
      position="right"
      size="xl"
      closeButtonProps={{ 'aria-label': t('processors.close') }}
      title={processor ? t('processors.editTitle', { name: processor.legalName }) : t('processors.newTitle')}
    >
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        aria-label={t('processors.title')}
      >
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert">
            {t('processors.invalid')}
          </Alert>
        )}
        <Title order={3} size="h5">
          {t('processors.section.identity')}
        </Title>
        <TextInput
          label={t('processors.legalName')}
          required
          value={draft.legalName}
          error={errors.legalName}
          onChange={(e) => update({ legalName: e.currentTarget.value })}
        />
        <TextInput label={t('processors.address')} value={draft.address} onChange={(e) => update({ address: e.currentTarget.value })} />
        <SimpleGrid cols={2}>
          <Select
            label={t('processors.category')}
            data={optionsOf(ServiceCategory.options, names.serviceCategory)}
            value={draft.serviceCategory}
            allowDeselect={false}
            onChange={(v) => v && update({ serviceCategory: v as ProcessorDraft['serviceCategory'] })}
          />
          <Select
            label={t('processors.role')}
            data={optionsOf(ProcessorRole.options, names.processorRole)}
            value={draft.role}
            allowDeselect={false}
            onChange={(v) => v && update({ role: v as ProcessorDraft['role'] })}
          />
          <Select
            label={t('processors.status')}
            data={optionsOf(ProcessorStatus.options, names.processorStatus)}
            value={draft.status}
            allowDeselect={false}
            onChange={(v) => v && update({ status: v as ProcessorDraft['status'] })}
          />
          <Select
            label={t('processors.risk')}
            data={optionsOf(RiskRating.options, names.riskRating)}
            value={draft.riskRating}
            allowDeselect={false}
            onChange={(v) => v && update({ riskRating: v as ProcessorDraft['riskRating'] })}
          />
        </SimpleGrid>

        <Divider />
        <Title order={3} size="h5">
          {t('processors.section.processing')}
        </Title>
        <TagsInput
          label={t('processors.purposes')}
          description={t('processors.tagsHint')}
          value={draft.purposes}
          onChange={(purposes) => update({ purposes })}
        />
        <TagsInput
          label={t('processors.dataCategories')}
          description={t('processors.tagsHint')}
          value={draft.dataCategories}
          onChange={(dataCategories) => update({ dataCategories })}
        />
        <TagsInput
          label={t('processors.subjectCategories')}
          description={t('processors.tagsHint')}
          value={draft.subjectCategories}
          onChange={(subjectCategories) => update({ subjectCategories })}
        />

        <Divider />
        <Title order={3} size="h5">
          {t('processors.section.transfer')}
        </Title>
        <MultiSelect
          label={t('processors.countries')}
          description={thirdCountries.length ? `${t('processors.thirdCountry')}: ${thirdCountries.join(', ')}` : undefined}
          data={countryOptions(i18n.language)}
          value={draft.countries}
          searchable
          error={errors.countries}
          onChange={(countries) => update({ countries })}
        />
        <SimpleGrid cols={3}>
          <Select
            label={t('processors.mechanism')}
            data={optionsOf(TransferMechanism.options, names.transferMechanism)}
            value={draft.transfer.mechanism}
            allowDeselect={false}
            error={errors['transfer.mechanism']}
            onChange={(v) => v && update({ transfer: { ...draft.transfer, mechanism: v as ProcessorDraft['transfer']['mechanism'] } })}
          />
          <Select
            label={t('processors.sccModule')}
            data={SccModule.options.map((module) => ({ value: module, label: t('processors.module', { module }) }))}
            value={draft.transfer.sccModule}
            clearable
            disabled={draft.transfer.mechanism !== 'scc'}
            error={errors['transfer.sccModule']}
            onChange={(v) => update({ transfer: { ...draft.transfer, sccModule: (v as ProcessorDraft['transfer']['sccModule']) ?? null } })}
          />
          <TextInput
            type="date"
            label={t('processors.tiaDate')}
            value={draft.transfer.tiaDate ?? ''}
            onChange={(e) => update({ transfer: { ...draft.transfer, tiaDate: day(e.currentTarget.value) } })}
          />
        </SimpleGrid>
        {needsDpfAnswer(draft.countries, draft.transfer.mechanism) && (
          <DpfQuestion
            recipient={draft.legalName}
            value={draft.transfer.dpfCertified}
            error={errors['transfer.dpfCertified']}
            onChange={(dpfCertified) => update({ transfer: { ...draft.transfer, dpfCertified } })}
          />
        )}

        <Divider />
        <Title order={3} size="h5">
          {t('processors.dpa')}
        </Title>
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('processors.dpaSigned')}
            value={draft.dpa.signedAt ?? ''}
            onChange={(e) => update({ dpa: { ...draft.dpa, signedAt: day(e.currentTarget.value) } })}
          />
          <TextInput
            type="date"
            label={t('processors.dpaExpires')}
            value={draft.dpa.expiresAt ?? ''}
            error={errors['dpa.expiresAt']}
            onChange={(e) => update({ dpa: { ...draft.dpa, expiresAt: day(e.currentTarget.value) } })}
          />
          <TextInput
            label={t('processors.dpaDocument')}
            value={draft.dpa.documentRef}
            onChange={(e) => update({ dpa: { ...draft.dpa, documentRef: e.currentTarget.value } })}
          />
          <TextInput
            label={t('processors.dpaChecksum')}
            value={draft.dpa.checksum ?? ''}
            error={errors['dpa.checksum']}
            onChange={(e) =>
              update({
                dpa: { ...draft.dpa, checksum: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value.trim().toLowerCase() },
              })
            }
          />
        </SimpleGrid>
        <Title order={4} size="h6">
          {t('processors.checklist')}
        </Title>
        {DpaClause.options.map((clause) => (
          <Group key={clause} align="flex-start" wrap="nowrap" gap="sm">
            <Checkbox
              label={names.dpaClause[clause]}
              checked={draft.dpa.clauses[clause].met}
              onChange={(e) =>
                update({
                  dpa: {
                    ...draft.dpa,
                    clauses: { ...draft.dpa.clauses, [clause]: { ...draft.dpa.clauses[clause], met: e.currentTarget.checked } },
                  },
                })
              }
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={t('processors.clauseNote', { clause })}
              placeholder={t('processors.clauseNote', { clause })}
              size="xs"
              w={260}
              value={draft.dpa.clauses[clause].note}
              onChange={(e) =>
                update({
                  dpa: {
                    ...draft.dpa,
                    clauses: { ...draft.dpa.clauses, [clause]: { ...draft.dpa.clauses[clause], note: e.currentTarget.value } },
                  },
                })
              }
            />
          </Group>
        ))}
        <Divider />
        <Title order={3} size="h5">
          {t('processors.section.subProcessors')}
        </Title>
        <SubProcessors value={draft.subProcessors} onChange={(subProcessors) => update({ subProcessors })} errors={errors} />
        <Title order={4} size="h6">
          {t('processors.changeNotices')}
        </Title>
        <ChangeNotices value={draft.changeNotices} onChange={(changeNotices) => update({ changeNotices })} errors={errors} />
        <TagsInput
          label={t('processors.certifications')}
          description={t('processors.tagsHint')}
          value={draft.certifications}
          onChange={(certifications) => update({ certifications })}
        />

        <Divider />
        <Title order={3} size="h5">
          {t('processors.section.review')}
        </Title>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('processors.contactName')}
            value={draft.contact.name}
            onChange={(e) => update({ contact: { ...draft.contact, name: e.currentTarget.value } })}
          />
          <TextInput
            label={t('processors.contactEmail')}
            type="email"
            value={draft.contact.email}
            error={errors['contact.email']}
            onChange={(e) => update({ contact: { ...draft.contact, email: e.currentTarget.value } })}
          />
          <NumberInput
            label={t('processors.reviewCadence')}
            min={1}
            max={36}
            value={draft.reviewCadenceMonths}
            onChange={(v) => update({ reviewCadenceMonths: Number(v) || 1 })}
          />
          <TextInput
            type="date"
            label={t('processors.nextReview')}
            value={draft.nextReviewAt}
            error={errors.nextReviewAt}
            onChange={(e) => update({ nextReviewAt: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={requestClose}>
            {t('processors.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('processors.save')}
          </Button>
        </Group>
        {processor && <PlatformHistory entity="processor" id={processor.id} />}
      </Stack>
      {guard}
    </Drawer>
  );
}
