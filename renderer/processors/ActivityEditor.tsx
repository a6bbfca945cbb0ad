import { Alert, Button, Group, MultiSelect, Select, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityDraft, Art9Ground, LegalBasis, type ProcessingActivity } from '../../shared/api/activities';
import { Drawer, useCloseGuard } from '../app/dialogs';
import { useLabels } from '../app/labels';
import { PlatformHistory } from '../audit/PlatformHistory';
import { useBridge } from '../bridge/context';
import { useProcessors } from './useProcessors';
import { useRecordEditor } from './useRecordEditor';

const emptyDraft = (): ActivityDraft => ({
  name: '',
  purpose: '',
  legalBasis: 'art6_1_b',
  legitimateInterest: '',
  specialCategories: false,
  art9Ground: null,
  dataCategories: [],
  subjectCategories: [],
  recipientIds: [],
  otherRecipients: [],
  transferNote: '',
  retention: [],
  toms: [],
  reviewedAt: null,
});

const retentionText = (retention: ActivityDraft['retention']) => retention.map((r) => `${r.category}: ${r.period}`).join('\n');
const parseRetention = (text: string): ActivityDraft['retention'] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      return at < 0 ? { category: line, period: '' } : { category: line.slice(0, at).trim(), period: line.slice(at + 1).trim() };
    });

export function ActivityEditor({ activity, onClose }: { activity: ProcessingActivity | null; onClose: () => void }) {
  const { t } = useTranslation('processors');
  const names = useLabels();
  const bridge = useBridge();
  const processors = useProcessors();
  const original: ActivityDraft | null = activity
    ? (({ id: _i, version: _v, updatedAt: _u, history: _h, ...rest }) => {
        delete (rest as { pending?: boolean }).pending;
        return rest;
      })(activity)
    : null;
  const [draft, setDraft] = useState<ActivityDraft>(() => original ?? emptyDraft());
  const [retention, setRetention] = useState(() => retentionText(draft.retention));
  const [opening] = useState(() => JSON.stringify([draft, retention]));
  const { requestClose, guard } = useCloseGuard(JSON.stringify([draft, retention]) !== opening, onClose);
  const {
    errors,
    submit: submitDraft,
    saving,
  } = useRecordEditor<ActivityDraft>({
    schema: ActivityDraft,
    original,
    create: (next) => bridge['activity.create'](next),
    update: (patch) => bridge['activity.update']({ id: activity?.id ?? '', patch }),
    entity: 'activity',
    savedMessage: t('records.saved'),
    onClose,
  });
  const update = (patch: Partial<ActivityDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = () => submitDraft({ ...draft, retention: parseRetention(retention) });

  return (
    <Drawer
      opened
      onClose={requestClose}
      position="right"
      size="xl"
      closeButtonProps={{ 'aria-label': t('records.close') }}
      title={activity ? t('records.editTitle', { name: activity.name }) : t('records.newTitle')}
    >
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert">
            {t('records.invalid')}
          </Alert>
        )}
        <TextInput
          label={t('records.name')}
          required
          value={draft.name}
          error={errors.name}
          onChange={(e) => update({ name: e.currentTarget.value })}
        />
        <Textarea
          label={t('records.purpose')}
          required
          autosize
          minRows={2}
          value={draft.purpose}
          error={errors.purpose}
          onChange={(e) => update({ purpose: e.currentTarget.value })}
        />
        <Select
          label={t('records.legalBasis')}
          data={LegalBasis.options.map((value) => ({ value, label: names.legalBasis[value] }))}
          value={draft.legalBasis}
          allowDeselect={false}
          onChange={(value) => value && update({ legalBasis: value as ActivityDraft['legalBasis'] })}
        />
        {draft.legalBasis === 'art6_1_f' && (
          <Textarea
            label={t('records.legitimateInterest')}
            autosize
            value={draft.legitimateInterest}
            error={errors.legitimateInterest}
            onChange={(e) => update({ legitimateInterest: e.currentTarget.value })}
          />
        )}
        <Switch
          label={t('records.specialCategories')}
          checked={draft.specialCategories}
          onChange={(e) => update({ specialCategories: e.currentTarget.checked })}
        />
        {draft.specialCategories && (
          <Select
            label={t('records.art9Ground')}
            data={Art9Ground.options.map((value) => ({ value, label: value.replace(/^art9_2_(\w)$/, 'Art. 9(2)($1)') }))}
            value={draft.art9Ground}
            error={errors.art9Ground}
            onChange={(value) => update({ art9Ground: (value as ActivityDraft['art9Ground']) ?? null })}
          />
        )}
        <TagsInput
          label={t('records.dataCategories')}
          value={draft.dataCategories}
          error={errors.dataCategories}
          onChange={(dataCategories) => update({ dataCategories })}
        />
        <TagsInput
          label={t('records.subjectCategories')}
          value={draft.subjectCategories}
          error={errors.subjectCategories}
          onChange={(subjectCategories) => update({ subjectCategories })}
        />
        <MultiSelect
          label={t('records.recipients')}
          data={(processors.data ?? []).map((p) => ({ value: p.id, label: p.legalName }))}
          value={draft.recipientIds}
          searchable
          error={errors.recipientIds}
          onChange={(recipientIds) => update({ recipientIds })}
        />
        <TagsInput
          label={t('records.otherRecipients')}
          value={draft.otherRecipients}
          onChange={(otherRecipients) => update({ otherRecipients })}
        />
        <Textarea
          label={t('records.transferNote')}
          autosize
          value={draft.transferNote}
          onChange={(e) => update({ transferNote: e.currentTarget.value })}
        />
        <Textarea
          label={t('records.retention')}
          description={t('records.retentionHint')}
          autosize
          minRows={2}
          value={retention}
          error={errors.retention}
          onChange={(e) => setRetention(e.currentTarget.value)}
        />
        <TagsInput label={t('records.toms')} value={draft.toms} onChange={(toms) => update({ toms })} />
        <TextInput
          type="date"
          label={t('records.reviewedAt')}
          value={draft.reviewedAt ?? ''}
          error={errors.reviewedAt}
          onChange={(e) => update({ reviewedAt: e.currentTarget.value || null })}
          w={220}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={requestClose}>
            {t('records.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('records.save')}
          </Button>
        </Group>
        {activity && <PlatformHistory entity="activity" id={activity.id} />}
      </Stack>
      {guard}
    </Drawer>
  );
}
