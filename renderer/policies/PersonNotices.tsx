import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonPolicyNotice } from '../../shared/api/policy-campaigns';
import { useDateFormat } from '../app/format';
import { useProblemText } from '../app/problems';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';

const outcomeColor: Record<PersonPolicyNotice['outcome'], string> = {
  queued: 'gray',
  sent: 'blue',
  delivered: 'teal',
  bounced: 'red',
  cancelled: 'gray',
};

/**
 * For one account: which policy versions it was told of, when and how, and whether it acknowledged them —
 * asked of the platform each time (the cache never holds per-person rows), so it needs the platform reachable.
 */
export function PersonNotices({ accountId }: { accountId: string }) {
  const { t } = useTranslation('policies');
  const bridge = useBridge();
  const f = useDateFormat();
  const problems = useProblemText();
  const answer = useQuery({
    queryKey: ['campaign', 'person', accountId],
    queryFn: () => bridge['campaign.person']({ accountId }),
    retry: false,
  });
  if (answer.isPending) return <Loader size="xs" />;
  if (answer.isError) {
    return (
      <Alert color="orange" py={6} data-testid="person-notices-error">
        {problems.failure(answer.error)}
      </Alert>
    );
  }
  const notices = answer.data.notices;
  if (!notices.length) {
    return (
      <Text size="sm" c="dimmed" data-testid="person-notices-none">
        {t('person.none')}
      </Text>
    );
  }
  return (
    <Table fz="xs" striped data-testid="person-notices">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('person.version')}</Table.Th>
          <Table.Th>{t('person.effective')}</Table.Th>
          <Table.Th>{t('person.wave')}</Table.Th>
          <Table.Th>{t('person.sent')}</Table.Th>
          <Table.Th>{t('person.outcome')}</Table.Th>
          <Table.Th>{t('person.acknowledged')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {notices.map((notice) => (
          <Table.Tr key={`${notice.campaignId}-${notice.wave}`}>
            <Table.Td>
              {t('person.versionLine', {
                document: t(`document.${notice.document}`),
                language: t(`language.${notice.language}`),
                number: notice.number,
              })}
            </Table.Td>
            <Table.Td>{f.day(notice.effectiveAt)}</Table.Td>
            <Table.Td>
              {t(`campaign.waveKind.${notice.wave === 1 ? 'initial' : 'reminder'}`)} ·{' '}
              {notice.channels.map((channel) => t(`campaign.channel.${channel}`)).join(' + ')}
            </Table.Td>
            <Table.Td>{notice.sentAt ? f.instant(notice.sentAt) : '–'}</Table.Td>
            <Table.Td>
              <Badge size="xs" color={outcomeColor[notice.outcome]}>
                {t(`person.outcomes.${notice.outcome}`)}
              </Badge>
              {notice.emailBounced && (
                <Text span size="xs" c="orange" ml={4}>
                  {t('person.emailBounced')}
                </Text>
              )}
            </Table.Td>
            <Table.Td data-testid="person-ack">
              {notice.acknowledgedAt && notice.acknowledgedBy
                ? t('person.ackLine', { at: f.instant(notice.acknowledgedAt), how: t(`person.ackKind.${notice.acknowledgedBy}`) })
                : t('person.notAcknowledged')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The register's lookup: a user id (from a support ticket or a request) and what that person was told. */
export function PersonNoticeLookup() {
  const { t } = useTranslation('policies');
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const valid = /^[A-Za-z0-9_-]{1,64}$/.test(text.trim());
  return (
    <Stack gap="xs" data-testid="person-lookup">
      <Title order={3} size="h5">
        {t('person.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('person.explain')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) setAsked(text.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('person.userId')}
            placeholder="usr_10000042"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={text && !valid ? t('person.invalidId') : undefined}
            w={260}
            data-testid="person-user-id"
          />
          <Button type="submit" variant="default" disabled={!valid} data-testid="person-show">
            {t('person.show')}
          </Button>
        </Group>
      </form>
      {asked && <PersonNotices key={asked} accountId={asked} />}
    </Stack>
  );
}

/**
 * In an access request's detail: what the person was told of policy changes, and whether they acknowledged it
 * (part of what an Art. 15 answer may need), asked of the platform when the officer wants it.
 */
export function SubjectPolicyNotices({ accountId, requestType }: { accountId: string; requestType: string }) {
  const { t } = useTranslation('policies');
  const mayRead = useMayWrite('dsar:read');
  const [shown, setShown] = useState(false);
  if (requestType !== 'access' || !mayRead) return null;
  return (
    <Stack gap={4} data-testid="subject-policy-notices">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('person.subjectTitle')}
        </Title>
        {!shown && (
          <Button size="xs" variant="default" onClick={() => setShown(true)} data-testid="subject-policy-notices-show">
            {t('person.ask')}
          </Button>
        )}
      </Group>
      {shown && <PersonNotices accountId={accountId} />}
    </Stack>
  );
}
SubjectPolicyNotices.displayName = 'policies.subjectNotices';
