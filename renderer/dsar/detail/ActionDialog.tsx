import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DenialReason,
  DsarAction,
  type DsarActionInput,
  IdentityMethod,
  type LetterPart,
  type MessageKind,
} from '../../../shared/api/dsar-workflow';
import { dueOnly, ledgerOf } from '../../../shared/domain/dsar-clock';
import { accountMethods, messageKindOf } from '../../../shared/domain/dsar-workflow';
import { requiredParts } from '../../../shared/domain/letters';
import { BridgeCallError } from '../../../shared/ipc/bridge';
import type { DsarDetail } from '../../../shared/ipc/contract';
import { Modal, useCloseGuard } from '../../app/dialogs';
import { useDateFormat } from '../../app/format';
import { useLabels } from '../../app/labels';
import { useProblemText } from '../../app/problems';
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

/** The fields the dialog shows a problem beside (the message's subject and text as one). */
const dialogFields = ['reason', 'explanation', 'method', 'of', 'note', 'message'];

/**
 * One dialog for every workflow step: the fields the step needs, the message to the subject drafted from
 * its template in the subject's language (editable), and the rules checked before anything is queued.
 */
export function ActionDialog({ detail, kind, onClose }: { detail: DsarDetail; kind: DialogKind; onClose(): void }) {
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const f = useDateFormat();
  const problems = useProblemText();
  const bridge = useBridge();
  const act = useAct(detail.dsar.id);
  const messageKind = messageKindOf[kind];
  const [reason, setReason] = useState('');
  const [denialReason, setDenialReason] = useState<string | null>(null);
  const [method, setMethod] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'verified' | 'failed'>('verified');
  const [text, setText] = useState('');
  const [of, setOf] = useState<string | null>(detail.duplicates[0]?.id ?? null);
  const [months, setMonths] = useState<1 | 2>(2);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [closing, setClosing] = useState('');
  const [edited, setEdited] = useState(false);
  // Art. 12(1): in writing — by e-mail where the person gave an address, else (or by choice) a letter by post.
  const canEmail = detail.dsar.subject.email !== null;
  const canPost = Boolean(detail.dsar.subject.address?.trim());
  const [delivery, setDelivery] = useState<'email' | 'post'>(canEmail && !(detail.dsar.channel === 'letter' && canPost) ? 'email' : 'post');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  // What the officer typed or edited is not given up by a stray Escape.
  const { requestClose, guard } = useCloseGuard(edited || reason.trim() !== '' || text.trim() !== '', onClose);

  // The template gives only the editable text: nothing the law requires depends on when or whether it is edited.
  const draft = useQuery({
    queryKey: ['draft', detail.dsar.id, messageKind, delivery],
    queryFn: () => bridge['dsar.draftMessage']({ id: detail.dsar.id, kind: messageKind as MessageKind, delivery }),
    enabled: messageKind !== undefined,
  });
  useEffect(() => {
    if (draft.data && !edited) {
      setSubject(draft.data.subject);
      setBody(draft.data.body);
      setClosing(draft.data.closing);
    }
  }, [draft.data, edited]);

  const extensionClosed = kind === 'extend' && detail.deadline.today > detail.deadline.baseDue;
  // Art. 12(4): not acting must be told within one month; a later denial is still sent, and at once.
  const denialLate = kind === 'deny' && detail.deadline.today > detail.deadline.baseDue;
  const message = () => ({ kind: messageKind as MessageKind, locale: detail.dsar.subject.locale, subject, body, closing, delivery });
  const noAccount = detail.dsar.subject.userId === null;
  // Art. 19: completing before every recipient was told is possible (they may be told later), but said.
  const uninformed = detail.recipients?.filter((task) => task.informedOn === null) ?? [];

  const build = (): DsarActionInput | Record<string, string> => {
    const problems: Record<string, string> = {};
    if (messageKind && (!subject.trim() || !body.trim())) problems.message = t('detail.errors.message');
    switch (kind) {
      case 'deny':
        if (!denialReason) problems.reason = t('detail.errors.denialReason');
        if (reason.trim().length < 10) problems.explanation = t('detail.errors.explanation');
        return Object.keys(problems).length
          ? problems
          : { type: 'deny', reason: denialReason as DenialReason, explanation: reason.trim(), message: message(), clock: detail.clock };
      case 'extend':
        if (reason.trim().length < 10) problems.explanation = t('detail.errors.extensionReason');
        return Object.keys(problems).length
          ? problems
          : { type: 'extend', reason: reason.trim(), months, message: message(), clock: detail.clock };
      case 'complete':
        return Object.keys(problems).length ? problems : { type: 'complete', message: message(), clock: detail.clock };
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

  // The parts the letter will carry, composed as the step composes them when it is taken.
  // biome-ignore lint/correctness/useExhaustiveDependencies: build reads exactly these inputs
  const parts = useMemo((): LetterPart[] | null => {
    if (!messageKind) return null;
    const action = DsarAction.safeParse(build());
    if (!action.success) return null;
    const ledger = ledgerOf(detail.dsar);
    const extendedDue =
      action.data.type === 'extend'
        ? dueOnly({ ...ledger, extendedAt: new Date().toISOString(), extendedMonths: action.data.months }, detail.clock).due
        : undefined;
    try {
      return requiredParts(detail.dsar, action.data, { findJob: (id) => detail.jobs.find((job) => job.id === id) ?? null, extendedDue });
    } catch {
      return null;
    }
  }, [messageKind, detail, reason, denialReason, months, subject, body, closing, delivery]);

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
      // A rule's problem on a field this dialog shows stands beside it; anything else above the buttons.
      const onFields = error instanceof BridgeCallError ? problems.byField(error.issues) : {};
      const shown = Object.keys(onFields).filter((key) => dialogFields.includes(key));
      setErrors(Object.fromEntries(shown.map((key) => [key, onFields[key]])));
      if (!shown.length) setFailure(problems.failure(error));
    }
  };

  return (
    <Modal opened onClose={requestClose} title={t(`detail.dialog.${kind}`)} size="lg" data-testid="action-dialog">
      <Stack gap="sm">
        {kind === 'deny' && (
          <Select
            label={t('denial.reasonLabel')}
            placeholder={t('denial.choose')}
            data={DenialReason.options.map((r) => ({ value: r, label: names.denialReason[r] }))}
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
        {kind === 'complete' && uninformed.length > 0 && (
          <Alert color="yellow" data-testid="recipients-uninformed" styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}>
            {t('detail.recipientsUninformed', { count: uninformed.length, names: uninformed.map((r) => r.legalName).join(', ') })}
          </Alert>
        )}
        {denialLate && (
          <Alert color="yellow" data-testid="denial-late" styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}>
            {t('detail.denialLate', { date: f.day(detail.deadline.baseDue) })}
          </Alert>
        )}
        {kind === 'extend' && !extensionClosed && (
          <SegmentedControl
            aria-label={t('detail.extensionMonths')}
            value={String(months)}
            onChange={(value) => setMonths(value === '1' ? 1 : 2)}
            data={[
              { value: '1', label: t('detail.extendBy', { count: 1 }) },
              { value: '2', label: t('detail.extendBy', { count: 2 }) },
            ]}
          />
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
              // A person without an account can neither confirm from it nor answer questions about it.
              data={IdentityMethod.options
                .filter((m) => !(noAccount && accountMethods.includes(m)))
                .filter((m) => (m !== 'email_confirmation' || canEmail) && (m !== 'postal_confirmation' || canPost))
                .map((m) => ({ value: m, label: names.identityMethod[m] }))}
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
                { value: 'verified', label: names.identityOutcome.verified },
                { value: 'failed', label: names.identityOutcome.failed },
              ]}
            />
          </>
        )}
        {kind === 'mark_duplicate' && (
          <Select
            label={t('detail.duplicateOf')}
            data={detail.duplicates.map((d) => ({ value: d.id, label: `${d.id} · ${names.dsarStatus[d.status]}` }))}
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
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {t('detail.messageTo', { name: detail.dsar.subject.name, language: detail.dsar.subject.locale.toUpperCase() })}
              </Text>
              <SegmentedControl
                size="xs"
                aria-label={t('detail.delivery')}
                value={delivery}
                onChange={(value) => setDelivery(value as 'email' | 'post')}
                data={[
                  { value: 'email', label: t('detail.byEmail'), disabled: !canEmail },
                  { value: 'post', label: t('detail.byPost'), disabled: !canPost },
                ]}
                data-testid="delivery"
              />
            </Group>
            <Text size="xs" c="dimmed" data-testid="delivery-hint">
              {delivery === 'post'
                ? t('detail.postHint', { address: detail.dsar.subject.address ?? '' })
                : t('detail.emailHint', { email: detail.dsar.subject.email ?? '' })}
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
            <RequiredParts parts={parts} kind={messageKind} />
            <Textarea
              aria-label={t('detail.messageClosing')}
              value={closing}
              onChange={(e) => {
                setEdited(true);
                setClosing(e.currentTarget.value);
              }}
              autosize
              minRows={2}
              maxRows={4}
              data-testid="message-closing"
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
          <Button variant="default" onClick={requestClose}>
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
      {guard}
    </Modal>
  );
}

/** Steps whose letters carry parts the law requires (which the step composes; they cannot be edited). */
const requiring: Partial<Record<MessageKind, true>> = { denial: true, extension_notice: true, completion: true };

/** The required parts as the letter will carry them, between the editable text and the closing. */
function RequiredParts({ parts, kind }: { parts: LetterPart[] | null; kind: MessageKind }) {
  const { t } = useTranslation('dsar');
  if (!requiring[kind]) return null;
  return (
    <Paper withBorder p="xs" radius="sm" bg="gray.0" data-testid="required-parts">
      <Text size="xs" c="dimmed" mb={4}>
        {t('detail.requiredParts')}
      </Text>
      {parts === null && (
        <Text size="sm" c="dimmed">
          {t('detail.requiredPartsPending')}
        </Text>
      )}
      {parts?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('detail.requiredPartsNone')}
        </Text>
      )}
      {parts?.map((part) => (
        <Stack key={part.kind} gap={0} mb={6} data-part={part.kind}>
          <Title order={4} size="h6">
            {part.title}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {part.text}
          </Text>
        </Stack>
      ))}
    </Paper>
  );
}
