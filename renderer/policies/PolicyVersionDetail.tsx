import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Typography,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeQuestion, type PolicySection, type PolicyVersion } from '../../shared/api/policies';
import { localDateTime, zonedInstant } from '../../shared/domain/calendar';
import { changeSummary, diffSections } from '../../shared/domain/policy-diff';
import { Drawer } from '../app/dialogs';
import { useClock, useDateFormat } from '../app/format';
import { useStaffNames } from '../app/staff';
import { useStep } from '../app/useStep';
import { useMayWrite, useWorkspace } from '../app/workspace';
import { PlatformHistory } from '../audit/PlatformHistory';
import { useBridge } from '../bridge/context';
import { CampaignPanel } from './CampaignPanel';
import { renderMarkdown } from './markdown';
import { PolicyCheck } from './PolicyCheck';
import { statusColor } from './PolicyRegister';

type Step =
  | 'policy.edit'
  | 'policy.classify'
  | 'policy.comment'
  | 'policy.submit'
  | 'policy.approve'
  | 'policy.schedule'
  | 'policy.unschedule';

/** One step of a version through the outbox, its refusal kept beside the form. */
function useVersionStep(version: PolicyVersion) {
  const bridge = useBridge();
  return useStep(
    ({ channel, args }: { channel: Step; args: Record<string, unknown> }) =>
      (bridge[channel] as (input: unknown) => Promise<PolicyVersion>)({ id: version.id, ...args }),
    ['policy'],
  );
}

const editable = (status: PolicyVersion['status']) => status === 'draft' || status === 'in_review' || status === 'approved';
/** In review the text is read, not rewritten (a change sends it back to draft): the editor is for drafts and approved text. */
const rewritable = (status: PolicyVersion['status']) => status === 'draft' || status === 'approved';

/** Who wrote, changed or classified a version: four eyes keeps them from approving it. */
const writersOf = (version: PolicyVersion) =>
  new Set([version.authorId, ...version.timeline.filter((e) => ['drafted', 'edited', 'classified'].includes(e.kind)).map((e) => e.actor)]);

/** A version: its text (edited with a live preview while it may change), the comparison with its base, its workflow. */
export function PolicyVersionDetail({
  version,
  all,
  tab = 'text',
  onClose,
}: {
  version: PolicyVersion;
  all: readonly PolicyVersion[];
  /** The tab it opens at (a link may ask for the campaign). */
  tab?: string;
  onClose(): void;
}) {
  const { t } = useTranslation('policies');
  const f = useDateFormat();
  const staffName = useStaffNames();
  // Any other version of the same document and language can be compared; the one it came from first.
  const others = all.filter((v) => v.document === version.document && v.language === version.language && v.id !== version.id);
  const base = others.find((v) => v.number === version.basedOn) ?? null;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="100%"
      title={t('detail.title', {
        document: t(`document.${version.document}`),
        language: t(`language.${version.language}`),
        number: version.number,
      })}
      data-testid="policy-detail"
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={statusColor[version.status]} data-testid="policy-status">
            {t(`status.${version.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('detail.author', { name: staffName(version.authorId) })}
            {version.approvedBy &&
              version.approvedAt &&
              ` · ${t('detail.approved', { name: staffName(version.approvedBy), at: f.instant(version.approvedAt) })}`}
            {version.effectiveAt && ` · ${t('detail.effective', { at: f.instant(version.effectiveAt) })}`}
          </Text>
        </Group>
        {version.sha256 && version.publishedAt && (
          <Text size="xs" c="dimmed" ff="monospace" data-testid="policy-sha">
            {t('detail.published', { at: f.instant(version.publishedAt), sha: version.sha256 })}
          </Text>
        )}
        {version.basedOn !== null && <ClassificationPanel version={version} />}
        <Workflow version={version} />
        <Tabs defaultValue={tab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="text">{t('detail.text')}</Tabs.Tab>
            <Tabs.Tab value="compare" data-testid="tab-compare">
              {t('detail.compareTab')}
            </Tabs.Tab>
            <Tabs.Tab value="check" data-testid="tab-check">
              {t('check.tab')}
            </Tabs.Tab>
            {(version.classification?.kind === 'material' || version.status === 'scheduled') && (
              <Tabs.Tab value="campaign" data-testid="tab-campaign">
                {t('campaign.tab')}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="timeline">{t('detail.timeline')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="text" pt="sm">
            {rewritable(version.status) ? (
              <VersionEditor
                key={version.id}
                version={version}
                usedIds={new Set(others.flatMap((v) => v.sections.map((section) => section.id)))}
              />
            ) : (
              <VersionText version={version} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="compare" pt="sm">
            {others.length ? (
              <Comparison version={version} others={others} initial={base ?? others[0]} />
            ) : (
              <Text c="dimmed">{t('detail.noBase')}</Text>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="check" pt="sm">
            <PolicyCheck version={version} sections={version.sections} />
          </Tabs.Panel>
          <Tabs.Panel value="campaign" pt="sm">
            <CampaignPanel version={version} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="sm">
            <Stack gap={2}>
              {[...version.timeline].reverse().map((entry) => (
                <Text size="xs" key={entry.id}>
                  {f.instant(entry.at)} · {entry.actor === 'platform' ? t('detail.platform') : staffName(entry.actor)} ·{' '}
                  {t(`event.${entry.kind}`)}
                  {entry.text && ` — ${entry.text}`}
                </Text>
              ))}
            </Stack>
            <Divider my="sm" />
            <PlatformHistory entity="policyVersion" id={version.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Drawer>
  );
}

/** Material or minor: the guided questions propose, the author confirms with a reason. */
function ClassificationPanel({ version }: { version: PolicyVersion }) {
  const { t } = useTranslation('policies');
  const staffName = useStaffNames();
  const mayWrite = useMayWrite('policy:write') && editable(version.status);
  const { mutation, errors, failure } = useVersionStep(version);
  const recorded = version.classification;
  const [answers, setAnswers] = useState<ChangeQuestion[]>(recorded?.answers ?? []);
  const proposed = answers.length ? 'material' : 'minor';
  const [kind, setKind] = useState<'material' | 'minor' | null>(recorded?.kind ?? null);
  const [reason, setReason] = useState(recorded?.reason ?? '');
  const toggle = (question: ChangeQuestion, on: boolean) => setAnswers(on ? [...answers, question] : answers.filter((a) => a !== question));
  return (
    <Paper withBorder p="sm" data-testid="policy-classification">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('classification.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('classification.explain')}
        </Text>
        {recorded && (
          <Text size="sm" data-testid="classification-recorded">
            {t('classification.recorded', {
              kind: t(`classification.${recorded.kind}`),
              by: staffName(recorded.by),
              reason: recorded.reason,
            })}
          </Text>
        )}
        {(recorded?.needsConsent || answers.includes('new_consent')) && (
          <Alert color="orange" py={6} data-testid="needs-consent">
            {t('classification.needsConsent')}
          </Alert>
        )}
        {mayWrite && (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4}>
              {ChangeQuestion.options.map((question) => (
                <Checkbox
                  key={question}
                  label={t(`classification.question.${question}`)}
                  checked={answers.includes(question)}
                  onChange={(e) => toggle(question, e.currentTarget.checked)}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" data-testid="classification-proposed">
              {t('classification.proposed', { kind: t(`classification.${proposed}`) })}
            </Text>
            <Group align="flex-end">
              <Select
                label={t('classification.kind')}
                data={(['material', 'minor'] as const).map((value) => ({ value, label: t(`classification.${value}`) }))}
                value={kind ?? proposed}
                onChange={(value) => setKind(value === 'minor' ? 'minor' : 'material')}
                allowDeselect={false}
                w={200}
              />
              <TextInput
                style={{ flex: 1 }}
                label={t('classification.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                data-testid="classification-reason"
              />
              <Button
                variant="default"
                loading={mutation.isPending}
                onClick={() => mutation.mutate({ channel: 'policy.classify', args: { answers, kind: kind ?? proposed, reason } })}
                data-testid="classify-policy"
              >
                {t('classification.save')}
              </Button>
            </Group>
            {failure && !errors.reason && (
              <Alert color="red" py={6}>
                {failure}
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Submit, approve (four eyes), schedule: each only where the state and the role allow it. */
function Workflow({ version }: { version: PolicyVersion }) {
  const { t } = useTranslation('policies');
  const me = useWorkspace().data?.me?.staff.id;
  const mayWrite = useMayWrite('policy:write');
  const mayApprove = useMayWrite('policy:approve');
  const timeZone = useClock().data?.timeZone ?? 'Europe/Berlin';
  const { mutation, errors, failure } = useVersionStep(version);
  const [note, setNote] = useState('');
  const [effectiveAt, setEffectiveAt] = useState(() => localDateTime(new Date(Date.now() + 30 * 86_400_000), timeZone));
  const bridge = useBridge();
  // Users already told of this change learn nothing of its withdrawal from the platform: say so before stopping it.
  const campaigns = useQuery({
    queryKey: ['campaign', 'list'],
    queryFn: () => bridge['campaign.list'](),
    enabled: version.status === 'scheduled',
  });
  const live = campaigns.data?.filter((c) => c.versionId === version.id && c.state !== 'cancelled') ?? [];
  const told = live.reduce((sum, c) => sum + (c.waves[0]?.delivered ?? 0), 0);
  const untold = version.status === 'scheduled' && version.classification?.kind === 'material' && campaigns.isSuccess && !live.length;
  return (
    <Stack gap="xs">
      {version.status === 'draft' && mayWrite && (
        <Button
          w="fit-content"
          onClick={() => mutation.mutate({ channel: 'policy.submit', args: {} })}
          loading={mutation.isPending}
          data-testid="submit-policy"
        >
          {t('detail.submit')}
        </Button>
      )}
      {version.status === 'in_review' &&
        mayApprove &&
        (me && writersOf(version).has(me) ? (
          <Alert color="gray" py={6} data-testid="four-eyes">
            {t('detail.fourEyes')}
          </Alert>
        ) : (
          <Group align="flex-end">
            <TextInput label={t('detail.approveNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={420} />
            <Button
              onClick={() => mutation.mutate({ channel: 'policy.approve', args: { note } })}
              loading={mutation.isPending}
              data-testid="approve-policy"
            >
              {t('detail.approve')}
            </Button>
          </Group>
        ))}
      {version.status === 'approved' && mayWrite && (
        <Group align="flex-end">
          <TextInput
            type="datetime-local"
            label={t('detail.effectiveAt', { zone: timeZone })}
            value={effectiveAt}
            onChange={(e) => setEffectiveAt(e.currentTarget.value)}
            error={errors.effectiveAt}
            data-testid="policy-effective-at"
          />
          <Button
            onClick={() =>
              mutation.mutate({
                channel: 'policy.schedule',
                args: { effectiveAt: (zonedInstant(effectiveAt, timeZone) ?? new Date()).toISOString() },
              })
            }
            loading={mutation.isPending}
            data-testid="schedule-policy"
          >
            {t('detail.schedule')}
          </Button>
        </Group>
      )}
      {untold && (
        <Alert color="yellow" py={6} data-testid="untold" styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}>
          {t('detail.untold')}
        </Alert>
      )}
      {version.status === 'scheduled' && mayWrite && told > 0 && (
        <Alert color="orange" py={6} data-testid="unschedule-told">
          {t('detail.unscheduleTold', { count: told })}
        </Alert>
      )}
      {version.status === 'scheduled' && mayWrite && (
        <Group align="flex-end">
          <TextInput
            label={t('detail.unscheduleReason')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={420}
            error={errors.reason}
          />
          <Button
            variant="default"
            color="red"
            onClick={() => mutation.mutate({ channel: 'policy.unschedule', args: { reason: note } })}
            loading={mutation.isPending}
            data-testid="unschedule-policy"
          >
            {t('detail.unschedule')}
          </Button>
        </Group>
      )}
      {failure && !errors.effectiveAt && !errors.reason && (
        <Alert color="red" py={6} data-testid="policy-error">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}

/** The text as readers get it; in review, each section with its review comments. */
function VersionText({ version }: { version: PolicyVersion }) {
  return (
    <Stack gap="md" data-testid="policy-text">
      {version.sections.map((section) => (
        <Paper
          withBorder={version.status === 'in_review'}
          p={version.status === 'in_review' ? 'xs' : 0}
          key={section.id}
          data-testid="policy-section"
          data-section={section.id}
        >
          <Text fw={700}>{section.heading}</Text>
          <Markdown text={section.body} />
          {version.status === 'in_review' && <SectionComments version={version} sectionId={section.id} />}
        </Paper>
      ))}
    </Stack>
  );
}

/** Markdown rendered safely (raw HTML shown as text, the rest sanitised). */
function Markdown({ text }: { text: string }) {
  return (
    <Typography fz="sm">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderMarkdown (marked without raw HTML, then DOMPurify) */}
      <div dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
    </Typography>
  );
}

/** Sections edited side by side with their preview; saved as one change (an approval does not survive it). */
function VersionEditor({ version, usedIds }: { version: PolicyVersion; usedIds: ReadonlySet<string> }) {
  const { t } = useTranslation('policies');
  const mayWrite = useMayWrite('policy:write');
  const { mutation, errors, failure } = useVersionStep(version);
  // The text the edits started from: when someone else changes the version meanwhile, saving would undo that.
  const [base, setBase] = useState(version);
  const [sections, setSections] = useState<PolicySection[]>(version.sections);
  const [summary, setSummary] = useState(version.changeSummary);
  const [saved, setSaved] = useState(false);
  const changed = JSON.stringify(sections) !== JSON.stringify(base.sections) || summary !== base.changeSummary;
  const reload = () => {
    setBase(version);
    setSections(version.sections);
    setSummary(version.changeSummary);
  };
  const moved =
    version.version !== base.version &&
    (JSON.stringify(version.sections) !== JSON.stringify(base.sections) || version.changeSummary !== base.changeSummary);
  // Nothing of one's own to lose: follow the newer version at once.
  if (moved && !changed) reload();
  const set = (index: number, change: Partial<PolicySection>) =>
    setSections(sections.map((s, i) => (i === index ? { ...s, ...change } : s)));
  // A new section never takes an id another version used (it would read as that section changed).
  const nextId = () => {
    let n = sections.length + 1;
    while (sections.some((s) => s.id === `s-${n}`) || usedIds.has(`s-${n}`)) n++;
    return `s-${n}`;
  };
  return (
    <Stack gap="sm" data-testid="policy-editor">
      <Textarea
        label={t('detail.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        autosize
        minRows={2}
        readOnly={!mayWrite}
        data-testid="policy-summary"
      />
      {version.status === 'approved' && (
        <Text size="xs" c="orange">
          {t('detail.voidHint')}
        </Text>
      )}
      {moved && changed && (
        <Alert color="orange" py={6} data-testid="changed-meanwhile">
          <Group justify="space-between">
            <Text size="sm">{t('detail.changedMeanwhile')}</Text>
            <Button size="xs" variant="default" onClick={reload}>
              {t('detail.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      {sections.map((section, index) => (
        <Paper withBorder p="xs" key={section.id} data-testid="policy-section" data-section={section.id}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Stack gap={4}>
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('detail.heading')}
                  value={section.heading}
                  onChange={(e) => set(index, { heading: e.currentTarget.value })}
                  readOnly={!mayWrite}
                  error={errors[`sections.${index}.heading`]}
                />
                {mayWrite && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('detail.removeSection')}
                    onClick={() => setSections(sections.filter((_, i) => i !== index))}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
              <Textarea
                label={t('detail.body')}
                value={section.body}
                onChange={(e) => set(index, { body: e.currentTarget.value })}
                autosize
                minRows={3}
                maxRows={16}
                readOnly={!mayWrite}
                data-testid="section-body"
              />
            </Stack>
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('detail.preview')}
              </Text>
              <Text fw={700} size="sm">
                {section.heading}
              </Text>
              <Markdown text={section.body} />
            </Stack>
          </SimpleGrid>
          <SectionComments version={version} sectionId={section.id} />
        </Paper>
      ))}
      {mayWrite && (
        <Group>
          <Button
            variant="default"
            onClick={() => setSections([...sections, { id: nextId(), heading: `${sections.length + 1}. `, body: '' }])}
          >
            {t('detail.addSection')}
          </Button>
          <Button
            disabled={!changed}
            loading={mutation.isPending}
            data-testid="save-policy"
            onClick={() =>
              mutation.mutate(
                { channel: 'policy.edit', args: { patch: { sections, changeSummary: summary } } },
                {
                  onSuccess: (next) => {
                    setSaved(true);
                    setBase(next);
                  },
                },
              )
            }
          >
            {t('detail.save')}
          </Button>
          {saved && !changed && (
            <Text size="sm" c="teal">
              {t('detail.saved')}
            </Text>
          )}
        </Group>
      )}
      {failure && (
        <Alert color="red" py={6}>
          {failure}
        </Alert>
      )}
    </Stack>
  );
}

/** Each part of a word diff with a key of its own: where it starts in the text it belongs to, and what it is. */
function keyed(parts: readonly { value: string; added?: boolean; removed?: boolean }[]) {
  let before = 0;
  let after = 0;
  return parts.map((part) => {
    const key = `${before}-${after}-${part.added ? 'a' : part.removed ? 'r' : 's'}`;
    if (!part.added) before += part.value.length;
    if (!part.removed) after += part.value.length;
    return { part, key };
  });
}

/** The review comments on one section: each with who wrote it, resolved ones marked; a new one below. */
function SectionComments({ version, sectionId }: { version: PolicyVersion; sectionId: string }) {
  const { t } = useTranslation('policies');
  const staffName = useStaffNames();
  const writer = useMayWrite('policy:write');
  const approver = useMayWrite('policy:approve');
  const mayWrite = writer || approver;
  const { mutation, errors, failure } = useVersionStep(version);
  const [text, setText] = useState('');
  const comments = version.comments.filter((comment) => comment.sectionId === sectionId);
  return (
    <Stack gap={4} mt="xs" data-testid="section-comments">
      {comments.length > 0 && (
        <Text size="xs" fw={600}>
          {t('detail.comments', { count: comments.length })}
        </Text>
      )}
      {comments.map((comment) => (
        <Group key={comment.id} gap="xs" wrap="nowrap" data-testid="section-comment" data-resolved={comment.resolvedBy !== null}>
          <Text size="xs" td={comment.resolvedBy ? 'line-through' : undefined} style={{ flex: 1 }}>
            {staffName(comment.by)}: {comment.text}
            {comment.resolvedBy && ` (${t('detail.resolvedBy', { name: staffName(comment.resolvedBy) })})`}
          </Text>
          {mayWrite && !comment.resolvedBy && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => mutation.mutate({ channel: 'policy.comment', args: { resolve: comment.id } })}
            >
              {t('detail.resolveComment')}
            </Button>
          )}
        </Group>
      ))}
      {mayWrite && (
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            placeholder={t('detail.comment')}
            aria-label={t('detail.comment')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text ?? (failure && !errors.text ? failure : undefined)}
            data-testid="comment-text"
          />
          <Button
            size="xs"
            variant="default"
            disabled={text.trim().length < 2}
            loading={mutation.isPending}
            onClick={() => mutation.mutate({ channel: 'policy.comment', args: { sectionId, text } }, { onSuccess: () => setText('') })}
            data-testid="add-comment"
          >
            {t('detail.addComment')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * This version against any other of its document and language: each section marked as it changed, the words
 * that went and came — inline, or side by side (the older version left, the newer right).
 */
function Comparison({ version, others, initial }: { version: PolicyVersion; others: readonly PolicyVersion[]; initial: PolicyVersion }) {
  const { t } = useTranslation('policies');
  const [otherId, setOtherId] = useState(initial.id);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const [layout, setLayout] = useState<'inline' | 'split'>('inline');
  const other = others.find((v) => v.id === otherId) ?? initial;
  // The older one is "before", whichever is opened.
  const [before, after] = other.number < version.number ? [other, version] : [version, other];
  const diff = diffSections(before.sections, after.sections);
  const color = { added: 'green', removed: 'red', changed: 'yellow', same: 'gray' } as const;
  const ins = (key: string, value: string) => (
    <ins key={key} style={{ background: 'var(--mantine-color-green-light)', textDecoration: 'none' }}>
      {value}
    </ins>
  );
  const del = (key: string, value: string) => (
    <del key={key} style={{ background: 'var(--mantine-color-red-light)' }}>
      {value}
    </del>
  );
  return (
    <Stack gap="sm" data-testid="policy-diff">
      <Group align="flex-end">
        <Select
          label={t('detail.compareWith')}
          data={others.map((v) => ({
            value: v.id,
            label: t('detail.versionOption', { number: v.number, status: t(`status.${v.status}`) }),
          }))}
          value={other.id}
          onChange={(value) => setOtherId(value ?? initial.id)}
          allowDeselect={false}
          w={280}
          data-testid="compare-with"
        />
        <SegmentedControl
          value={layout}
          onChange={(value) => setLayout(value === 'split' ? 'split' : 'inline')}
          data={[
            { value: 'inline', label: t('detail.inline') },
            { value: 'split', label: t('detail.split') },
          ]}
          data-testid="diff-layout"
        />
        <Switch label={t('detail.onlyChanges')} checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('detail.direction', { before: before.number, after: after.number })}
      </Text>
      <Stack gap={0} data-testid="change-summary">
        {changeSummary(diff).map((entry) => (
          <Text size="sm" key={`${entry.id}-${entry.change}`}>
            {t('detail.summaryLine', {
              heading: entry.heading,
              change: t(`detail.${entry.change}`),
              added: entry.added,
              removed: entry.removed,
            })}
          </Text>
        ))}
      </Stack>
      {diff
        .filter((section) => !onlyChanges || section.change !== 'same')
        .map((section) => {
          const parts = keyed(section.words);
          return (
            <Paper withBorder p="xs" key={`${section.id}-${section.change}`} data-testid="diff-section" data-change={section.change}>
              <Group gap="xs" mb={4}>
                <Badge size="sm" color={color[section.change]} variant="light">
                  {t(`detail.${section.change}`)}
                </Badge>
                <Text fw={600} size="sm">
                  {section.heading}
                </Text>
              </Group>
              {layout === 'inline' ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {parts.map(({ part, key }) =>
                    part.added ? ins(key, part.value) : part.removed ? del(key, part.value) : <span key={key}>{part.value}</span>,
                  )}
                </Text>
              ) : (
                <SimpleGrid cols={2} data-testid="diff-split">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {parts
                      .filter(({ part }) => !part.added)
                      .map(({ part, key }) => (part.removed ? del(key, part.value) : <span key={key}>{part.value}</span>))}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {parts
                      .filter(({ part }) => !part.removed)
                      .map(({ part, key }) => (part.added ? ins(key, part.value) : <span key={key}>{part.value}</span>))}
                  </Text>
                </SimpleGrid>
              )}
            </Paper>
          );
        })}
    </Stack>
  );
}
