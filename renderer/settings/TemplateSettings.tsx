import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Locale, MessageKind } from '../../shared/api/dsar-workflow';
import type { LetterTemplates, TemplateText } from '../../shared/api/letter-templates';
import { placeholders, renderMessage, requiredPlaceholders } from '../../shared/domain/letter-templates';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { useConfirm } from '../app/dialogs';
import { useDateFormat, useToday } from '../app/format';
import { useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';

type Draft = { messages: Record<MessageKind, TemplateText>; signature: string };
const draftOf = (doc: Pick<LetterTemplates, 'messages' | 'signature'>): Draft => ({ messages: doc.messages, signature: doc.signature });
const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The team's message templates and signature per language, versioned on the platform. Only the text around
 * the letter is edited here: what the law requires a letter to say is composed when a step is taken and is
 * shown here as fixed, and the placeholders a letter needs cannot be removed.
 */
export function TemplateSettings() {
  const { t } = useTranslation('settings');
  const names = useLabels();
  const f = useDateFormat();
  const today = useToday();
  const problems = useProblemText();
  const staffName = useStaffNames();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const mayWrite = useMayWrite('dsar:write');
  const [locale, setLocale] = useState<Locale>('de');
  const [kind, setKind] = useState<MessageKind>('acknowledgement');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const confirm = useConfirm();
  const saved = useQuery({ queryKey: ['templates', locale], queryFn: () => bridge['templates.get']({ locale }) });
  useEffect(() => {
    if (saved.data && draft === null) setDraft(draftOf(saved.data));
  }, [saved.data, draft]);

  const save = useMutation({
    mutationFn: (next: Draft) => bridge['templates.save']({ locale, ...next, note: note.trim() }),
    onSuccess: (doc) => {
      queryClient.setQueryData(['templates', locale], doc);
      setDraft(draftOf(doc));
      setNote('');
      setErrors({});
      notifications.show({ color: 'teal', message: t('templates.saved') });
    },
    onError: (error) => {
      if (error instanceof BridgeCallError && error.issues.length) setErrors(problems.byField(error.issues));
      notifications.show({ color: 'red', message: problems.failure(error) });
    },
  });

  const preview = useMemo(() => {
    if (!draft || !saved.data) return null;
    return renderMessage({ ...saved.data, ...draft }, kind, locale, {
      subjectName: locale === 'de' ? 'Erika Mustermann' : 'Jane Doe',
      requestId: 'dsr_000123',
      type: 'access',
      receivedOn: today,
      dueDate: today,
      controllerName: t('templates.sampleController'),
      delivered: kind === 'completion',
      delivery: 'email',
    });
  }, [draft, saved.data, kind, locale, today, t]);

  const switchLocale = (next: Locale) => {
    const go = () => {
      setLocale(next);
      setDraft(null);
      setErrors({});
    };
    // Unsaved edits of one language are not given up by a click on the other.
    if (draft && saved.data && !sameDraft(draft, draftOf(saved.data))) {
      confirm.ask({
        title: t('templates.discardTitle'),
        consequence: t('templates.discard'),
        confirmLabel: t('templates.discardConfirm'),
        onConfirm: go,
      });
    } else go();
  };

  if (saved.data === null) {
    return (
      <Paper withBorder p="md" radius="md" data-testid="template-settings">
        <Title order={3} size="h4">
          {t('templates.title')}
        </Title>
        <Text size="sm" c="dimmed" mt="xs">
          {problems.text('templates-not-loaded')}
        </Text>
      </Paper>
    );
  }
  if (!saved.data || !draft) return null;
  const current = saved.data;
  const text = draft.messages[kind];
  const dirty = !sameDraft(draft, draftOf(current));
  const setText = (patch: Partial<TemplateText>) => setDraft({ ...draft, messages: { ...draft.messages, [kind]: { ...text, ...patch } } });
  const required = requiredPlaceholders[kind];
  const fieldError = (field: 'subject' | 'body') => errors[`messages.${kind}.${field}`];

  return (
    <Paper withBorder p="md" radius="md" data-testid="template-settings">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('templates.title')}
          </Title>
          <Group gap="xs">
            <Badge variant="light" data-testid="template-version">
              {t('templates.version', { version: current.version })}
            </Badge>
            {current.pending && (
              <Badge color="orange" variant="outline">
                {t('templates.pending')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('templates.explain')}
        </Text>
        <Group>
          <SegmentedControl
            aria-label={t('templates.language')}
            value={locale}
            onChange={(value) => switchLocale(value as Locale)}
            data={[
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Select
            aria-label={t('templates.message')}
            data={MessageKind.options.map((k) => ({ value: k, label: names.messageKind[k] }))}
            value={kind}
            onChange={(value) => value && setKind(value as MessageKind)}
            allowDeselect={false}
            w={280}
            data-testid="template-kind"
          />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="xs">
            <TextInput
              label={t('templates.subject')}
              value={text.subject}
              onChange={(e) => setText({ subject: e.currentTarget.value })}
              error={fieldError('subject')}
              readOnly={!mayWrite}
              data-testid="template-subject"
            />
            <Textarea
              label={t('templates.body')}
              value={text.body}
              onChange={(e) => setText({ body: e.currentTarget.value })}
              error={fieldError('body')}
              autosize
              minRows={6}
              maxRows={16}
              readOnly={!mayWrite}
              data-testid="template-body"
            />
            <Textarea
              label={t('templates.signature')}
              description={t('templates.signatureHint', { placeholder: '{{controller}}' })}
              value={draft.signature}
              onChange={(e) => setDraft({ ...draft, signature: e.currentTarget.value })}
              error={errors.signature}
              autosize
              minRows={2}
              maxRows={5}
              readOnly={!mayWrite}
              data-testid="template-signature"
            />
            <Text size="xs" c="dimmed">
              {t('templates.placeholders')}{' '}
              {placeholders.map((name) => (
                <Code key={name} mr={4}>{`{{${name}}}`}</Code>
              ))}
            </Text>
            {(required.subject.length > 0 || required.body.length > 0) && (
              <Text size="xs" c="dimmed" data-testid="template-required">
                {t('templates.mustKeep', {
                  list: [...required.subject, ...required.body].map((name) => `{{${name}}}`).join(', '),
                })}
              </Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('templates.preview')}
            </Text>
            {preview && (
              <Paper withBorder p="sm" radius="sm" data-testid="template-preview">
                <Text size="sm" fw={600}>
                  {preview.subject}
                </Text>
                <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
                  {preview.body}
                </Text>
                {t(`templates.parts.${kind}`) && (
                  <Alert color="gray" variant="light" my={8} py={6} data-testid="template-parts">
                    <Text size="xs">{t(`templates.parts.${kind}`)}</Text>
                  </Alert>
                )}
                <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {preview.closing}
                </Text>
              </Paper>
            )}
          </Stack>
        </SimpleGrid>
        {mayWrite && (
          <Group align="flex-end">
            <TextInput
              label={t('templates.note')}
              placeholder={t('templates.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={500}
              style={{ flex: 1 }}
              data-testid="template-note"
            />
            <Button variant="default" disabled={!dirty} onClick={() => setDraft(draftOf(current))}>
              {t('templates.reset')}
            </Button>
            <Button onClick={() => save.mutate(draft)} disabled={!dirty} loading={save.isPending} data-testid="save-templates">
              {t('templates.save')}
            </Button>
          </Group>
        )}
        {current.history.length > 0 && (
          <details data-testid="template-history">
            <summary>
              <Text span size="sm">
                {t('templates.history', { count: current.history.length })}
              </Text>
            </summary>
            <Table fz="sm" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('templates.versionColumn')}</Table.Th>
                  <Table.Th>{t('templates.savedAt')}</Table.Th>
                  <Table.Th>{t('templates.savedBy')}</Table.Th>
                  <Table.Th>{t('templates.note')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[
                  { ...current, savedAt: current.updatedAt, current: true },
                  ...[...current.history].reverse().map((v) => ({ ...v, current: false })),
                ].map((version) => (
                  <Table.Tr key={version.current ? 'current' : version.version} data-testid="template-version-row">
                    <Table.Td>{version.version}</Table.Td>
                    <Table.Td>{f.instant(version.savedAt)}</Table.Td>
                    <Table.Td>{version.savedBy === 'platform' ? t('templates.platform') : staffName(version.savedBy)}</Table.Td>
                    <Table.Td>{version.note || '—'}</Table.Td>
                    <Table.Td>
                      {version.current ? (
                        <Text size="xs" c="dimmed">
                          {t('templates.current')}
                        </Text>
                      ) : (
                        mayWrite && (
                          // An earlier text comes back into the editor; saving it makes it the newest version.
                          <Button size="compact-xs" variant="default" onClick={() => setDraft(draftOf(version))}>
                            {t('templates.restore')}
                          </Button>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        )}
      </Stack>
      {confirm.element}
    </Paper>
  );
}
