import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeAudience, NoticeParts } from '../../shared/api/breach-notices';
import type { Incident } from '../../shared/api/breaches';
import { composeNotice } from '../../shared/domain/breach-notices';
import { useConfirm } from '../app/dialogs';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** User ids from a CSV: the `user_id` (or `userId`, `id`) column where there is a header, else the first column. */
export function userIdsFromCsv(text: string): string[] {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.split(/[;,\t]/).map((cell) => cell.trim().replace(/^"|"$/g, '')))
    .filter((cells) => cells.some(Boolean));
  if (!rows.length) return [];
  const header = rows[0].map((cell) => cell.toLowerCase());
  const column = Math.max(
    0,
    header.findIndex((cell) => ['user_id', 'userid', 'id'].includes(cell)),
  );
  const body = header.some((cell) => ['user_id', 'userid', 'id'].includes(cell)) ? rows.slice(1) : rows;
  return [...new Set(body.map((cells) => cells[column] ?? '').filter((id) => idPattern.test(id)))];
}

/** Art. 34: the notices sent for this incident with their delivery counts, and the composer of a new one. */
export function SubjectNotices({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const bridge = useBridge();
  const mayDecide = useMayWrite('breach:decide');
  const notices = useQuery({ queryKey: ['notice', incident.id], queryFn: () => bridge['notice.list']({ incidentId: incident.id }) });
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('notices.title')}
      </Title>
      {!incident.decision?.subjects && (
        <Text size="sm" c="dimmed">
          {t('notices.notDecided')}
        </Text>
      )}
      {notices.data?.length === 0 && incident.decision?.subjects && (
        <Text size="sm" c="dimmed">
          {t('notices.none')}
        </Text>
      )}
      {notices.data?.map((notice) => {
        const c = notice.counts;
        const settled = c.recipients ? (c.delivered + c.bounced) / c.recipients : notice.state === 'done' ? 1 : 0;
        const n = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE');
        return (
          <Paper withBorder p="xs" key={notice.id} data-testid="notice" data-state={notice.state}>
            <Text size="sm" fw={500}>
              {t('notices.line', {
                at: f.instant(notice.createdAt),
                audience: names.audienceKind[notice.audience.kind],
                description: notice.audience.description,
                state: names.noticeState[notice.state],
              })}
            </Text>
            <Progress
              value={settled * 100}
              size="sm"
              my={4}
              animated={notice.state === 'sending'}
              aria-label={names.noticeState[notice.state]}
            />
            <Text size="xs" c="dimmed" data-testid="notice-counts">
              {t('notices.counts', {
                delivered: n(c.delivered),
                bounced: n(c.bounced),
                sent: n(c.sent),
                queued: n(c.queued),
                recipients: n(c.recipients),
              })}
            </Text>
            {c.unknown > 0 && (
              <Text size="xs" c="orange">
                {t('notices.unknown', { count: c.unknown })}
              </Text>
            )}
          </Paper>
        );
      })}
      {mayDecide && incident.decision?.subjects && <NoticeComposer incident={incident} />}
    </Stack>
  );
}

type Kind = NoticeAudience['kind'];

function NoticeComposer({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation('breaches');
  const names = useLabels();
  const bridge = useBridge();
  const problems = useProblemText();
  const confirm = useConfirm();
  const controller = useQuery({ queryKey: ['controller'], queryFn: () => bridge['controller.get']() });
  const [kind, setKind] = useState<Kind>('enrolled');
  const [ids, setIds] = useState('');
  const [csv, setCsv] = useState<{ file: string; ids: string[] } | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [course, setCourse] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [contact, setContact] = useState<string | null>(null);
  const [language, setLanguage] = useState<'de' | 'en'>('de');
  const [parts, setParts] = useState<{ de: NoticeParts; en: NoticeParts }>({
    // The register's own description is written for the file, not for the people: "what happened" is written anew.
    de: { what: '', consequences: incident.consequences, measures: incident.measures, advice: '' },
    en: { what: '', consequences: '', measures: '', advice: '' },
  });
  const dpo = controller.data ? [controller.data.dpoName, controller.data.dpoContact].filter(Boolean).join(', ') : '';
  const contactText = contact ?? dpo;
  const audience = (): NoticeAudience => {
    switch (kind) {
      case 'accounts':
        return { kind, userIds: [...new Set(ids.split(/\s+/).filter(Boolean))] };
      case 'csv':
        return { kind, fileName: csv?.file ?? '', userIds: csv?.ids ?? [] };
      case 'enrolled':
        return { kind, course };
      case 'logged_in':
        return { kind, from, to };
    }
  };
  // Whom the audience reaches, asked of the platform as the choice changes; and its courses for the picker.
  const choice = audience();
  const complete =
    (choice.kind === 'enrolled' && choice.course.trim().length >= 2) ||
    (choice.kind === 'logged_in' && choice.from !== '' && choice.to !== '') ||
    ((choice.kind === 'accounts' || choice.kind === 'csv') && choice.userIds.length > 0);
  const reachQuery = useQuery({
    queryKey: ['notice', 'preview', JSON.stringify(choice)],
    queryFn: () => bridge['notice.preview']({ audience: choice }),
    enabled: complete,
    retry: false,
  });
  const courses = useQuery({
    queryKey: ['notice', 'courses'],
    queryFn: () => bridge['notice.courses'](),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const reach = reachQuery.data?.recipients;
  const {
    mutation: send,
    errors,
    failure,
  } = useStep(() => bridge['notice.send']({ incidentId: incident.id, parts, contact: contactText, audience: audience() }), ['notice']);
  const part = (key: keyof NoticeParts) => (
    <Textarea
      key={key}
      label={t(`notices.${key}`)}
      value={parts[language][key]}
      onChange={(e) => setParts({ ...parts, [language]: { ...parts[language], [key]: e.currentTarget.value } })}
      error={errors[`parts.${language}.${key}`]}
      autosize
      minRows={2}
      data-testid={`notice-${language}-${key}`}
    />
  );
  const preview = composeNotice(language, parts[language], contactText);
  return (
    <Stack gap="xs" data-testid="notice-composer">
      <Title order={4} size="h6">
        {t('notices.compose')}
      </Title>
      <Select
        label={t('notices.audience')}
        data={(['enrolled', 'logged_in', 'accounts', 'csv'] as const).map((value) => ({ value, label: names.audienceKind[value] }))}
        value={kind}
        onChange={(value) => setKind((value as Kind) ?? 'enrolled')}
        allowDeselect={false}
        data-testid="notice-audience"
      />
      {kind === 'accounts' && (
        <Textarea
          label={t('notices.userIds')}
          value={ids}
          onChange={(e) => setIds(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.audience}
        />
      )}
      {kind === 'csv' && (
        <>
          <FileInput
            label={t('notices.csvFile')}
            accept=".csv,text/csv"
            onChange={(file) => {
              setCsvError(null);
              if (!file) return setCsv(null);
              void file.text().then((text) => {
                const found = userIdsFromCsv(text);
                if (!found.length) setCsvError(t('notices.csvEmpty'));
                setCsv({ file: file.name, ids: found });
              });
            }}
            error={csvError ?? errors.audience}
            data-testid="notice-csv"
          />
          {csv && csv.ids.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('notices.csvRead', { count: csv.ids.length, file: csv.file })}
            </Text>
          )}
        </>
      )}
      {kind === 'enrolled' && (
        <Select
          label={t('notices.course')}
          data={courses.data ?? []}
          value={course || null}
          onChange={(value) => setCourse(value ?? '')}
          searchable
          error={errors.audience}
          data-testid="notice-course"
        />
      )}
      {kind === 'logged_in' && (
        <Group grow>
          <TextInput
            type="date"
            label={t('notices.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={errors.audience}
          />
          <TextInput type="date" label={t('notices.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Group>
      )}
      <SegmentedControl
        value={language}
        onChange={(value) => setLanguage(value === 'en' ? 'en' : 'de')}
        data={[
          { value: 'de', label: t('notices.german') },
          { value: 'en', label: t('notices.english') },
        ]}
        w="fit-content"
        data-testid="notice-language"
      />
      <Text size="xs" c="dimmed">
        {t('notices.parts', { language: language === 'de' ? t('notices.german') : t('notices.english') })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          {(['what', 'consequences', 'measures', 'advice'] as const).map(part)}
          <TextInput
            label={t('notices.contact')}
            value={contactText}
            onChange={(e) => setContact(e.currentTarget.value)}
            error={errors.contact}
          />
        </Stack>
        <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
          <Text size="xs" c="dimmed">
            {t('notices.preview')}
          </Text>
          <Text size="sm" fw={600}>
            {preview.subject}
          </Text>
          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-preview">
            {preview.body}
          </Text>
        </Paper>
      </SimpleGrid>
      {complete && (
        <Text size="sm" c={reach === 0 ? 'red' : undefined} data-testid="notice-reach">
          {reachQuery.error
            ? problems.failure(reachQuery.error)
            : reach === undefined
              ? t('notices.reachAsking')
              : t('notices.reach', { recipients: reach.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE') })}
        </Text>
      )}
      {failure && (
        <Alert color="red" py={6} data-testid="notice-error">
          {failure}
          {Object.keys(errors).some((key) => key.startsWith(`parts.${language === 'de' ? 'en' : 'de'}.`)) &&
            ` ${t('notices.otherLanguage', { language: language === 'de' ? t('notices.english') : t('notices.german') })}`}
        </Alert>
      )}
      <Button
        w="fit-content"
        loading={send.isPending}
        // Nobody to tell: the platform would refuse it; say so before, not after.
        disabled={reach === 0}
        data-testid="send-notice"
        onClick={() =>
          confirm.ask({
            title: t('notices.send'),
            consequence:
              reach === undefined
                ? t('notices.confirm')
                : t('notices.confirmCount', { recipients: reach.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE') }),
            confirmLabel: t('notices.send'),
            onConfirm: () => send.mutate(),
          })
        }
      >
        {t('notices.send')}
      </Button>
      {confirm.element}
    </Stack>
  );
}
