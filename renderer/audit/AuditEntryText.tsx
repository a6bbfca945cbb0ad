import { Anchor, Badge, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry, AuditOutcome, ExportKind } from '../../shared/ipc/contract';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { writeLabel } from '../sync/write-label';
import { entityLink } from './entity-links';

export const outcomeColor: Record<AuditOutcome, string> = {
  queued: 'yellow',
  applied: 'teal',
  rejected: 'red',
  stale: 'orange',
  undone: 'gray',
  done: 'blue',
};

/**
 * A write as its button read. The trail keeps only the arguments that say what was done (no names, texts or
 * letters), so a label that needs more than that is not possible: null then.
 */
function safeWriteLabel(entry: AuditEntry, staffName: (id: string) => string, language: 'de' | 'en'): string | null {
  if (!entry.entity) return null;
  try {
    const label = writeLabel(entry.entity, entry.action, entry.detail, staffName, language);
    return /undefined|\{\{/.test(label) ? null : label;
  } catch {
    return null;
  }
}

/** What the entry did, in words: a write as its button read, an export with its file and checksum, a session step. */
export function EntryWhat({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation('audit');
  const names = useLabels();
  const staffName = useStaffNames();
  if (entry.kind === 'write' && entry.entity) {
    return (
      <Text size="sm">
        {safeWriteLabel(entry, staffName, i18n.language === 'en' ? 'en' : 'de') ?? `${names.entity[entry.entity]}: ${entry.action}`}
      </Text>
    );
  }
  if (entry.kind === 'export') {
    const detail = entry.detail as { fileName?: string; sha256?: string };
    return (
      <Stack gap={0}>
        <Text size="sm">{names.exportKind[entry.action as ExportKind] ?? entry.action}</Text>
        <Text size="xs" c="dimmed">
          {t('what.file', { file: detail.fileName ?? '' })}
        </Text>
        <Code fz="xs" title="SHA-256" w="fit-content">
          {(detail.sha256 ?? '').slice(0, 16)}…
        </Code>
      </Stack>
    );
  }
  const scopes = Array.isArray(entry.detail.scopes) ? (entry.detail.scopes as string[]) : null;
  const label = { 'sign-in': t('what.signIn'), 'sign-out': t('what.signOut'), 'session-ended': t('what.sessionEnded') }[
    entry.kind as 'sign-in' | 'sign-out' | 'session-ended'
  ];
  return (
    <Stack gap={0}>
      <Text size="sm">{label ?? entry.action}</Text>
      {scopes && (
        // The list on demand, for the keyboard and screen readers as for the mouse.
        <Text component="details" size="xs" c="dimmed">
          <summary>{t('what.scopes', { count: scopes.length })}</summary>
          {scopes.join(', ')}
        </Text>
      )}
    </Stack>
  );
}

/** The object a write touched, linked to where its module shows it. */
export function EntryObject({ entry }: { entry: AuditEntry }) {
  const names = useLabels();
  if (!entry.entity || !entry.entityId) return <Text size="sm">—</Text>;
  const link = entityLink(entry.entity, entry.entityId);
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {names.entity[entry.entity]}
      </Text>
      {link ? (
        <Anchor component={Link} to={link} size="sm" ff="monospace">
          {entry.entityId}
        </Anchor>
      ) : (
        <Text size="sm" ff="monospace">
          {entry.entityId}
        </Text>
      )}
    </Stack>
  );
}

/** Where the entry stands, and what the platform said (the version it stored, its refusal, the attempts without an answer). */
export function EntryAnswer({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const f = useDateFormat();
  const problems = useProblemText();
  const answer = entry.answer;
  // In the person's words, by what happened: the platform's own English detail stays in the CSV.
  const words: string[] = [];
  if (answer?.version !== undefined) words.push(t('answer.version', { version: answer.version }));
  else if (answer?.revoked !== undefined) words.push(answer.revoked ? t('answer.revoked') : t('answer.notRevoked'));
  else if (entry.kind === 'session-ended') words.push(t('answer.sessionEnded'));
  else if (entry.outcome === 'undone') words.push(t('answer.undone'));
  else if (answer?.local) words.push(t('answer.withheld'));
  else if (entry.outcome === 'stale') words.push(t('answer.stale'));
  else if (entry.outcome === 'rejected') words.push(t('answer.refused'));
  else if (entry.kind === 'export') words.push(t('answer.local'));
  if (answer?.problem && entry.outcome !== 'stale') words.push(problems.text(answer.problem, answer.params));
  if (answer?.maybeApplied) words.push(t('answer.maybeApplied'));
  if (entry.outcome === 'queued' && answer?.attempts) words.push(t('answer.attempts', { count: answer.attempts }));
  return (
    <Stack gap={2}>
      <Badge color={outcomeColor[entry.outcome]} variant="light" w="fit-content" tt="none" data-testid="audit-outcome">
        {t(`outcome.${entry.outcome}`)}
      </Badge>
      {words.map((line) => (
        <Text size="xs" c="dimmed" key={line}>
          {line}
        </Text>
      ))}
      {entry.kind === 'write' && entry.answeredAt && (
        <Text size="xs" c="dimmed">
          {t('answer.answeredAt', { at: f.instant(entry.answeredAt) })}
        </Text>
      )}
    </Stack>
  );
}
