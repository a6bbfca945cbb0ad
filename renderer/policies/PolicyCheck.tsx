import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicySection, PolicyVersion } from '../../shared/api/policies';
import { art13Checklist, type RegistryHint, registryHints } from '../../shared/domain/policy-check';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';

/** A country by its names in both languages (and "USA", as policies write it). */
function countryNames(code: string): string[] {
  const names = ['de', 'en'].map((language) => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code);
  return code === 'US' ? [...names, 'USA'] : names;
}

/**
 * The policy against the law and against reality: each Art. 13 item located in a section or shown missing;
 * what the registry and the records of processing hold that the text does not mention, each taken up in the
 * text or set aside with a reason.
 */
export function PolicyCheck({ version, sections }: { version: PolicyVersion; sections: readonly PolicySection[] }) {
  const { t } = useTranslation('policies');
  const bridge = useBridge();
  const staffName = useStaffNames();
  const processors = useQuery({ queryKey: ['processor', 'list'], queryFn: () => bridge['processor.list']() });
  const activities = useQuery({ queryKey: ['activity', 'list'], queryFn: () => bridge['activity.list']() });
  const checklist = useMemo(() => art13Checklist(sections), [sections]);
  const hints = useMemo(
    () => registryHints(sections, processors.data ?? [], activities.data ?? [], countryNames),
    [sections, processors.data, activities.data],
  );
  const dismissed = new Map(version.dismissedHints.map((hint) => [hint.key, hint]));
  const open = hints.filter((hint) => !dismissed.has(hint.key));
  const headingOf = (id: string | null) => sections.find((section) => section.id === id)?.heading ?? '';
  return (
    <Stack gap="sm" data-testid="policy-check">
      <Title order={4} size="h6">
        {t('check.art13')}
      </Title>
      <Stack gap={2}>
        {checklist.map((entry) => (
          <Group gap="xs" key={entry.item} data-testid="art13-item" data-item={entry.item} data-found={entry.sectionId !== null}>
            <Badge size="xs" color={entry.sectionId ? 'teal' : 'red'} variant="light" w={70}>
              {entry.sectionId ? t('check.found') : t('check.missing')}
            </Badge>
            <Text size="sm">{t(`check.item.${entry.item}`)}</Text>
            {entry.sectionId && (
              <Text size="xs" c="dimmed">
                {headingOf(entry.sectionId)}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
      <Title order={4} size="h6">
        {t('check.registry')}
      </Title>
      {open.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('check.noHints')}
        </Text>
      )}
      {open.map((hint) => (
        <HintRow key={hint.key} version={version} hint={hint} />
      ))}
      {version.dismissedHints.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            {t('check.dismissed')}
          </Text>
          {version.dismissedHints.map((hint) => (
            <Text size="xs" c="dimmed" key={hint.key} data-testid="dismissed-hint">
              {hints.find((h) => h.key === hint.key)?.subject ?? hint.key} — {hint.reason} ({staffName(hint.by)})
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function HintRow({ version, hint }: { version: PolicyVersion; hint: RegistryHint }) {
  const { t } = useTranslation('policies');
  const bridge = useBridge();
  const problems = useProblemText();
  const queryClient = useQueryClient();
  const mayWrite = useMayWrite('policy:write') && ['draft', 'in_review', 'approved'].includes(version.status);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dismiss = useMutation({
    mutationFn: () => bridge['policy.dismissHint']({ id: version.id, key: hint.key, reason }),
    onSuccess: () => {
      setDismissing(false);
      void queryClient.invalidateQueries({ queryKey: ['policy'] });
    },
    onError: (failure) =>
      setError(
        failure instanceof BridgeCallError
          ? (problems.byField(failure.issues).reason ?? problems.failure(failure))
          : problems.failure(failure),
      ),
  });
  return (
    <Paper withBorder p="xs" data-testid="registry-hint" data-key={hint.key}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t(`check.hint.${hint.kind}`, { subject: hint.subject })}</Text>
        {mayWrite && !dismissing && (
          <Button size="xs" variant="subtle" onClick={() => setDismissing(true)} data-testid="dismiss-hint">
            {t('check.dismiss')}
          </Button>
        )}
      </Group>
      {dismissing && (
        <Group mt={4} align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('check.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            data-testid="hint-reason"
            data-autofocus
          />
          <Button size="sm" onClick={() => dismiss.mutate()} loading={dismiss.isPending} data-testid="confirm-dismiss">
            {t('check.dismiss')}
          </Button>
        </Group>
      )}
      {error && !dismissing && <Alert color="red">{error}</Alert>}
    </Paper>
  );
}
