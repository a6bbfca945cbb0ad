import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DenialReason, type DsarActionInput, IdentityMethod, type MessageKind } from '../../../shared/api/dsar-workflow';
import { messageKindOf } from '../../../shared/domain/dsar-workflow';
import { BridgeCallError } from '../../../shared/ipc/bridge';
import type { DsarDetail } from '../../../shared/ipc/contract';
import { Modal } from '../../app/dialogs';
import { useDateFormat } from '../../app/format';
import { useBridge } from '../../bridge/context';
import { useAct } from '../useRequest';

export type DialogKind =
  | 'acknowledge'
  | 'request_identity'
  | 'record_identity'
  | 'request_clarification'
  | 'record_clarification'
  | 'extend'
  | 'deny'
  | 'withdraw'
  | 'complete'
  | 'add_note'
  | 'mark_duplicate';

/**
 * One dialog for every workflow step: the fields the step needs, the message to the subject drafted from
 * its template in the subject's language (editable), and the rules checked before anything is queued.
 */
export function ActionDialog({ detail, kind, onClose }: { detail: DsarDetail; kind: DialogKind; onClose(): void }) {
  const { t } = useTranslation('dsar');
  const f = useDateFormat();
  const bridge = useBridge();
  const act = useAct(detail.dsar.id);
  const messageKind = messageKindOf[kind];
  const [reason, setReason] = useState('');
  const [denialReason, setDenialReason] = useState<string | null>(null);
  const [method, setMethod] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'verified' | 'failed'>('verified');
  const [text, setText] = useState('');
  const [of, setOf] = useState<string | null>(detail.duplicates[0]?.id ?? null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [edited, setEdited] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [debouncedReason] = useDebouncedValue(reason, 300);

  const draft = useQuery({
    queryKey: ['draft', detail.dsar.id, messageKind, debouncedReason, denialReason],
    queryFn: () =>
      bridge['dsar.draftMessage']({
        id: detail.dsar.id,
        kind: messageKind as MessageKind,
        ...(debouncedReason ? { reason: debouncedReason } : {}),
        ...(denialReason ? { denialReason: denialReason as DenialReason } : {}),
      }),
    enabled: messageKind !== undefined,
  });
  useEffect(() => {
    if (draft.data && !edited) {
      setSubject(draft.data.subject);
      setBody(draft.data.body);
    }
  }, [draft.data, edited]);

  const extensionClosed = kind === 'extend' && detail.deadline.today > detail.deadline.baseDue;
  const message = () => ({ kind: messageKind as MessageKind, locale: detail.dsar.subject.locale, subject, body });

  const build = (): DsarActionInput | Record<string, string> => {
    const problems: Record<string, string> = {};
    if (messageKind && (!subject.trim() || !body.trim())) problems.message = t('detail.errors.message');
    switch (kind) {
      case 'deny':
        if (!denialReason) problems.reason = t('detail.errors.denialReason');
        if (reason.trim().length < 10) problems.explanation = t('detail.errors.explanation');
        return Object.keys(problems).length
          ? problems
          : { type: 'deny', reason: denialReason as DenialReason, explanation: reason.trim(), message: message() };
      case 'extend':
        if (reason.trim().length < 10) problems.explanation = t('detail.errors.extensionReason');
        return Object.keys(problems).length ? problems : { type: 'extend', reason: reason.trim(), message: message(), clock: detail.clock };
      case 'record_identity':
        if (!method) return { method: t('detail.errors.method') };
        return { type: 'record_identity', method: method as IdentityMethod, outcome, note: text.trim() };
      case 'record_clarification':
        return text.trim() ? { type: 'record_clarification', note: text.trim() } : { note: t('detail.errors.note') };
      case 'add_note':
        return text.trim() ? { type: 'add_note', text: text.trim() } : { note: t('detail.errors.note') };
      case 'withdraw':
        return { type: 'withdraw', note: text.trim() };
      case 'mark_duplicate':
        return of ? { type: 'mark_duplicate', of } : { of: t('detail.errors.duplicateOf') };
      default:
        return Object.keys(problems).length ? problems : ({ type: kind, message: message() } as DsarActionInput);
    }
  };

  const submit = async () => {
    setFailure(null);
    const action = build();
    if (!('type' in action)) {
      setErrors(action as Record<string, string>);
      return;
    }
    setErrors({});
    try {
      await act.mutateAsync(action as DsarActionInput);
      onClose();
    } catch (error) {
      setFailure(error instanceof BridgeCallError || error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`detail.dialog.${kind}`)} size="lg" data-testid="action-dialog">
      <Stack gap="sm">
        {kind === 'deny' && (
          <Select
            label={t('denial.reasonLabel')}
            placeholder={t('denial.choose')}
            data={DenialReason.options.map((r) => ({ value: r, label: t(`denialReason.${r}`) }))}
            value={denialReason}
            onChange={setDenialReason}
            error={errors.reason}
            required
            data-testid="denial-reason"
          />
        )}
        {kind === 'extend' && extensionClosed && (
          <Alert color="red" data-testid="extension-closed">
            {t('detail.extensionClosed', { date: f.day(detail.deadline.baseDue) })}
          </Alert>
        )}
        {(kind === 'deny' || kind === 'extend') && (
          // The reasons go into the notice to the subject.
          <Textarea
            label={t(kind === 'deny' ? 'denial.explanation' : 'detail.extensionReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.explanation}
            autosize
            minRows={2}
            required
          />
        )}
        {kind === 'record_identity' && (
          <>
            <Alert color="blue" py={6}>
              {t('identity.noCopies')}
            </Alert>
            <Select
              label={t('identity.methodLabel')}
              data={IdentityMethod.options.map((m) => ({ value: m, label: t(`identityMethod.${m}`) }))}
              value={method}
              onChange={setMethod}
              error={errors.method}
              required
            />
            <SegmentedControl
              aria-label={t('identity.outcomeLabel')}
              value={outcome}
              onChange={(value) => setOutcome(value as 'verified' | 'failed')}
              data={[
                { value: 'verified', label: t('identityOutcome.verified') },
                { value: 'failed', label: t('identityOutcome.failed') },
              ]}
            />
          </>
        )}
        {kind === 'mark_duplicate' && (
          <Select
            label={t('detail.duplicateOf')}
            data={detail.duplicates.map((d) => ({ value: d.id, label: `${d.id} · ${t(`dsarStatus.${d.status}`)}` }))}
            value={of}
            onChange={setOf}
            error={errors.of}
          />
        )}
        {(kind === 'record_identity' || kind === 'record_clarification' || kind === 'add_note' || kind === 'withdraw') && (
          <Textarea
            label={t(kind === 'add_note' ? 'detail.noteText' : 'detail.noteOptional')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            data-autofocus
          />
        )}
        {messageKind && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('detail.messageTo', { name: detail.dsar.subject.name, language: detail.dsar.subject.locale.toUpperCase() })}
            </Text>
            <TextInput
              aria-label={t('detail.messageSubject')}
              value={subject}
              onChange={(e) => {
                setEdited(true);
                setSubject(e.currentTarget.value);
              }}
            />
            <Textarea
              aria-label={t('detail.messageBody')}
              value={body}
              onChange={(e) => {
                setEdited(true);
                setBody(e.currentTarget.value);
              }}
              autosize
              minRows={6}
              maxRows={14}
              error={errors.message}
              data-testid="message-body"
            />
            {edited && (
              <Button variant="subtle" size="compact-xs" onClick={() => setEdited(false)} w="fit-content">
                {t('detail.resetMessage')}
              </Button>
            )}
          </Stack>
        )}
        {failure && (
          <Alert color="red" data-testid="action-error">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={act.isPending}
            disabled={extensionClosed}
            color={kind === 'deny' || kind === 'withdraw' ? 'red' : undefined}
          >
            {t(`detail.confirm.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
