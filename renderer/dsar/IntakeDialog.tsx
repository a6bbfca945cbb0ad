import { Alert, Button, Group, Radio, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMatch } from '../../shared/api/accounts';
import { DsarType } from '../../shared/api/dsar';
import { localDateTime, zonedInstant } from '../../shared/domain/calendar';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { Modal, useCloseGuard } from '../app/dialogs';
import { useClock } from '../app/format';
import { useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';

/**
 * Manual intake of a request that came by e-mail or letter: who (looked up among the platform's accounts,
 * or typed in), what, and when it arrived; an open request of the same subject and type is shown before
 * anything is saved, so a repeat is recorded as a duplicate instead of worked twice.
 */
export function IntakeDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const problemText = useProblemText();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const [type, setType] = useState<DsarType | null>(null);
  const [channel, setChannel] = useState<'email' | 'letter'>('email');
  // The receipt is typed as the wall clock of the controller's zone (where the post was opened), not the laptop's.
  const timeZone = useClock().data?.timeZone ?? 'Europe/Berlin';
  const [receivedAt, setReceivedAt] = useState(() => localDateTime(new Date(), timeZone));
  const [lookup, setLookup] = useState('');
  const [account, setAccount] = useState<AccountMatch | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'de' | 'en'>('de');
  const [address, setAddress] = useState('');
  const [notes, setNotes] = useState('');
  const [duplicateChoice, setDuplicateChoice] = useState<string>('new');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { requestClose, guard } = useCloseGuard(
    [lookup, name, email, address, notes].some((value) => value.trim() !== '') || type !== null,
    onClose,
  );
  const [q] = useDebouncedValue(lookup.trim(), 250);

  const matches = useQuery({
    queryKey: ['accounts', q],
    queryFn: () => bridge['accounts.search']({ q }),
    enabled: q.length >= 2 && !account,
    retry: false,
  });
  const subjectEmail = account?.email ?? email.trim();
  // A letter may come without an e-mail address: the reply then goes by post, to the address it gives.
  const emailOptional = channel === 'letter' && account === null;
  const [debouncedAddress] = useDebouncedValue(address.trim(), 400);
  const duplicates = useQuery({
    queryKey: ['dsar', 'duplicates', account?.id ?? null, subjectEmail, name.trim(), debouncedAddress, type],
    queryFn: () =>
      bridge['dsar.duplicates']({
        userId: account?.id ?? null,
        email: subjectEmail || null,
        name: name.trim(),
        address: debouncedAddress || null,
        type: type as DsarType,
      }),
    enabled: type !== null && (account !== null || subjectEmail.includes('@') || (name.trim() !== '' && debouncedAddress !== '')),
  });

  const choose = (match: AccountMatch) => {
    setAccount(match);
    setName(match.name);
    setEmail(match.email);
    setLocale(match.locale);
  };

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!type) problems.type = t('intake.errors.type');
    if (!name.trim()) problems.name = t('intake.errors.name');
    if (subjectEmail ? !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(subjectEmail) : !emailOptional) problems.email = t('intake.errors.email');
    if ((channel === 'letter' || !subjectEmail) && !address.trim()) problems.address = t('intake.errors.address');
    const instant = zonedInstant(receivedAt, timeZone);
    if (!instant) problems.receivedAt = t('intake.errors.receivedAt');
    else if (instant.getTime() > Date.now() + 60_000) problems.receivedAt = t('intake.errors.future');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setSaving(true);
    setFailure(null);
    try {
      const created = await bridge['dsar.create']({
        type: type as DsarType,
        channel,
        receivedAt: (instant as Date).toISOString(),
        subject: { userId: account?.id ?? null, name: name.trim(), email: subjectEmail || null, locale, address: address.trim() || null },
        notes: notes.trim(),
        priority: 'normal',
        duplicateOf: duplicateChoice === 'new' ? null : duplicateChoice,
      });
      void queryClient.invalidateQueries({ queryKey: ['dsar'] });
      onCreated(created.dsar.id);
    } catch (error) {
      if (error instanceof BridgeCallError && error.issues.length) setErrors(problemText.byField(error.issues));
      setFailure(problemText.failure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={requestClose} title={t('intake.title')} size="lg" data-testid="intake-dialog">
      <Stack gap="sm">
        <Group grow>
          <Select
            label={t('queue.type')}
            data={DsarType.options.map((o) => ({ value: o, label: names.dsarType[o] }))}
            value={type}
            onChange={(value) => setType(value as DsarType | null)}
            error={errors.type}
            required
            data-autofocus
          />
          <Select
            label={t('intake.channel')}
            data={[
              { value: 'email', label: names.channel.email },
              { value: 'letter', label: names.channel.letter },
            ]}
            value={channel}
            onChange={(value) => setChannel((value as 'email' | 'letter') ?? 'email')}
            allowDeselect={false}
          />
          <TextInput
            type="datetime-local"
            label={t('intake.receivedAt', { zone: timeZone })}
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.currentTarget.value)}
            error={errors.receivedAt}
            required
          />
        </Group>
        {account ? (
          <Alert color="teal" py={6} data-testid="chosen-account">
            <Group justify="space-between">
              <Text size="sm">{t('intake.linked', { name: account.name, email: account.email, id: account.id })}</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setAccount(null)}>
                {t('intake.unlink')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <Stack gap={4}>
            <TextInput
              label={t('intake.lookup')}
              description={t('intake.lookupHint')}
              value={lookup}
              onChange={(e) => setLookup(e.currentTarget.value)}
              type="search"
            />
            {matches.error && (
              <Text size="xs" c="red.9">
                {problemText.failure(matches.error)}
              </Text>
            )}
            {matches.data && matches.data.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('intake.noMatch')}
              </Text>
            )}
            {matches.data && matches.data.length > 0 && (
              <Table fz="sm" highlightOnHover data-testid="account-matches">
                <Table.Tbody>
                  {matches.data.map((match) => (
                    <Table.Tr key={match.id}>
                      <Table.Td>{match.name}</Table.Td>
                      <Table.Td>{match.email}</Table.Td>
                      <Table.Td w={1}>
                        <Button size="compact-xs" variant="light" onClick={() => choose(match)}>
                          {t('intake.choose')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
        <Group grow>
          <TextInput
            label={t('intake.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            disabled={account !== null}
          />
          <TextInput
            label={t('intake.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            required={!emailOptional}
            description={emailOptional ? t('intake.emailOptional') : undefined}
            disabled={account !== null}
          />
        </Group>
        <Group grow align="flex-end">
          <SegmentedControl
            aria-label={t('intake.locale')}
            value={locale}
            onChange={(value) => setLocale(value as 'de' | 'en')}
            data={[
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ]}
          />
          <TextInput
            label={t('intake.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={errors.address}
            required={channel === 'letter'}
          />
        </Group>
        <Textarea label={t('intake.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        {duplicates.data && duplicates.data.length > 0 && (
          <Alert
            color="yellow"
            title={t('intake.duplicateTitle')}
            data-testid="intake-duplicates"
            styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}
          >
            <Radio.Group value={duplicateChoice} onChange={setDuplicateChoice}>
              <Stack gap={4} mt={4}>
                {duplicates.data.map((d) => (
                  <Radio
                    key={d.id}
                    value={d.id}
                    label={t('intake.recordAsDuplicate', {
                      id: d.id,
                      status: names.dsarStatus[d.status],
                      date: d.receivedAt.slice(0, 10),
                    })}
                  />
                ))}
                <Radio value="new" label={t('intake.notDuplicate')} />
              </Stack>
            </Radio.Group>
          </Alert>
        )}
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={requestClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={saving}>
            {t('intake.save')}
          </Button>
        </Group>
      </Stack>
      {guard}
    </Modal>
  );
}
