import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDocument, PolicyLanguage, PolicyVersion } from '../../shared/api/policies';
import { useDateFormat } from '../app/format';
import { useTakeParams } from '../app/link-params';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { PersonNoticeLookup } from './PersonNotices';
import { PolicyVersionDetail } from './PolicyVersionDetail';

export const statusColor: Record<PolicyVersion['status'], string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'teal',
  scheduled: 'blue',
  published: 'green',
  superseded: 'dark',
};

const documents: readonly [PolicyDocument, PolicyLanguage][] = [
  ['privacy', 'de'],
  ['privacy', 'en'],
  ['cookies', 'de'],
  ['cookies', 'en'],
];

/** Every policy document in each language: what is in force, and every version with its state. */
export function PolicyRegister() {
  const { t } = useTranslation('policies');
  const bridge = useBridge();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const problems = useProblemText();
  const queryClient = useQueryClient();
  const mayWrite = useMayWrite('policy:write');
  // One person's history is their data: asked for with the requests' scope (and logged by the platform).
  const mayReadPeople = useMayWrite('dsar:read');
  const versions = useQuery({ queryKey: ['policy', 'list'], queryFn: () => bridge['policy.list']() });
  const [openId, setOpenId] = useState<string | null>(null);
  // From the overview: a version opened at its campaign.
  const [tab, setTab] = useState<string | null>(null);
  useTakeParams({ version: setOpenId, tab: setTab });
  const [failure, setFailure] = useState<string | null>(null);
  const open = versions.data?.find((v) => v.id === openId) ?? null;
  const draft = useMutation({
    mutationFn: (from: { document: PolicyDocument; language: PolicyLanguage; base: PolicyVersion | null }) =>
      bridge['policy.draft']({
        document: from.document,
        language: from.language,
        basedOn: from.base?.number ?? null,
        title: from.base?.title ?? t(`document.${from.document}`),
        sections: from.base?.sections ?? [{ id: 's-1', heading: '1. ', body: '' }],
        changeSummary: '',
      }),
    onSuccess: (created) => {
      setFailure(null);
      void queryClient.invalidateQueries({ queryKey: ['policy'] });
      setOpenId(created.id);
    },
    onError: (error) => setFailure(problems.failure(error)),
  });

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('register.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('register.explain')}
      </Text>
      {versions.error && <Alert color="red">{problems.failure(versions.error)}</Alert>}
      {failure && <Alert color="red">{failure}</Alert>}
      {documents.map(([document, language]) => {
        const list = (versions.data ?? [])
          .filter((v) => v.document === document && v.language === language)
          .sort((a, b) => b.number - a.number);
        const current = list.find((v) => v.status === 'published');
        const hasOpen = list.some((v) => ['draft', 'in_review', 'approved'].includes(v.status));
        return (
          <Paper
            withBorder
            p="sm"
            key={`${document}-${language}`}
            data-testid="policy-document"
            data-document={document}
            data-language={language}
          >
            <Group justify="space-between" mb={4}>
              <Stack gap={0}>
                <Text fw={600}>
                  {t(`document.${document}`)} · {t(`language.${language}`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {current?.effectiveAt
                    ? t('register.current', { at: f.instant(current.effectiveAt), number: current.number })
                    : t('register.none')}
                </Text>
              </Stack>
              {mayWrite && !hasOpen && (
                <Button
                  size="xs"
                  variant="default"
                  loading={draft.isPending}
                  onClick={() => draft.mutate({ document, language, base: list[0] ?? null })}
                  data-testid="new-version"
                >
                  {t('register.newVersion')}
                </Button>
              )}
            </Group>
            {list.length > 0 && (
              <Table aria-label={`${t(`document.${document}`)} · ${t(`language.${language}`)}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('register.version')}</Table.Th>
                    <Table.Th>{t('register.status')}</Table.Th>
                    <Table.Th>{t('register.effective')}</Table.Th>
                    <Table.Th>{t('register.author')}</Table.Th>
                    <Table.Th>{t('register.summary')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((version) => (
                    <Table.Tr key={version.id} data-testid="policy-version" data-id={version.id} data-status={version.status}>
                      <Table.Td>
                        <Anchor component="button" type="button" fw={600} onClick={() => setOpenId(version.id)}>
                          {version.number}
                        </Anchor>
                        {version.pending && (
                          <Badge ml={6} size="xs" color="orange" variant="outline">
                            {t('register.pending')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColor[version.status]} variant="light">
                          {t(`status.${version.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{version.effectiveAt ? f.instant(version.effectiveAt) : '—'}</Table.Td>
                      <Table.Td>{staffName(version.authorId)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {version.changeSummary}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        );
      })}
      {mayReadPeople && (
        <Paper withBorder p="sm">
          <PersonNoticeLookup />
        </Paper>
      )}
      {open && (
        <PolicyVersionDetail
          key={`${open.id}-${tab}`}
          version={open}
          all={versions.data ?? []}
          tab={tab ?? undefined}
          onClose={() => {
            setOpenId(null);
            setTab(null);
          }}
        />
      )}
    </Stack>
  );
}
