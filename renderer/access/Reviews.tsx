import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Progress,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccessReview, Department, type ReviewScope } from '../../shared/api/access';
import { DataCategory } from '../../shared/api/dsar-workflow';
import { reviewOverdue } from '../../shared/domain/access';
import { localDate } from '../../shared/domain/calendar';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useTakeParams } from '../app/link-params';
import { useStaff } from '../app/staff';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { ReviewDetail } from './ReviewDetail';

/** The reviews, newest first, each with its progress; a new one started here; one opened below. */
export function Reviews() {
  const { t } = useTranslation('access');
  const bridge = useBridge();
  const f = useDateFormat();
  const mayStart = useMayWrite('access:write');
  const reviews = useQuery({ queryKey: ['access', 'reviews'], queryFn: () => bridge['access.reviews']() });
  const [starting, setStarting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  useTakeParams({ review: setOpenId });
  const open = reviews.data?.find((review) => review.id === openId) ?? null;
  const today = localDate(new Date(), 'Europe/Berlin');
  // "What changed since the last completed review" of every grant counts from when it took its grants (its start):
  // a narrower review leaves grants it never saw, and one changed while it ran was not in it.
  const lastClosed = reviews.data
    ?.filter((review) => review.closedAt && (review.scope.kind === 'all' || review.scope.kind === 'changed'))
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0];
  if (open) return <ReviewDetail review={open} onBack={() => setOpenId(null)} />;
  return (
    <Stack gap="sm">
      {mayStart && !starting && (
        <Button w="fit-content" onClick={() => setStarting(true)} data-testid="start-review">
          {t('reviews.start')}
        </Button>
      )}
      {starting && (
        <StartReview
          lastClosed={lastClosed ?? null}
          onDone={(id) => {
            setStarting(false);
            if (id) setOpenId(id);
          }}
        />
      )}
      {reviews.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reviews.none')}
        </Text>
      )}
      {reviews.data?.map((review) => (
        <Paper withBorder p="xs" key={review.id} data-testid="review" data-id={review.id}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2} style={{ flex: 1 }}>
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {review.title}
                </Text>
                {review.state === 'closed' && (
                  <Badge color="green" size="xs">
                    {t('reviews.closed', { at: review.closedAt ? f.instant(review.closedAt) : '' })}
                  </Badge>
                )}
                {reviewOverdue(review, today) && (
                  <Badge color="red" size="xs" data-testid="review-overdue">
                    {t('reviews.overdue')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('reviews.progress', { decided: review.counts.decided, items: review.counts.items, due: f.day(review.dueDate) })}
              </Text>
              <Progress
                value={review.counts.items ? (review.counts.decided / review.counts.items) * 100 : 0}
                size="xs"
                aria-label={review.title}
              />
            </Stack>
            <Button size="xs" variant="default" onClick={() => setOpenId(review.id)} data-testid="open-review">
              {t('reviews.open')}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

type ScopeKind = ReviewScope['kind'];

function StartReview({ onDone, lastClosed }: { onDone(id: string | null): void; lastClosed: AccessReview | null }) {
  const { t } = useTranslation('access');
  const bridge = useBridge();
  const names = useLabels();
  const staff = useStaff();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ScopeKind>('categories');
  const [categories, setCategories] = useState<string[]>([]);
  const [department, setDepartment] = useState<string | null>(null);
  const f = useDateFormat();
  const [reviewerKind, setReviewerKind] = useState<'manager' | 'owner' | 'named'>('manager');
  const [reviewer, setReviewer] = useState<string | null>(null);
  const [due, setDue] = useState(() => localDate(new Date(Date.now() + 21 * 86_400_000), 'Europe/Berlin'));
  const [instructions, setInstructions] = useState('');
  const step = useStep((args: Parameters<(typeof bridge)['access.review.start']>[0]) => bridge['access.review.start'](args), ['access']);
  const scope = (): ReviewScope =>
    kind === 'categories'
      ? { kind, categories: categories as DataCategory[] }
      : kind === 'department'
        ? { kind, department: (department ?? 'support') as Department }
        : kind === 'changed'
          ? { kind, since: lastClosed?.createdAt ?? '' }
          : { kind };
  return (
    <Paper withBorder p="sm" data-testid="review-form">
      <Stack gap="xs">
        <TextInput
          label={t('form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={step.errors.title}
          data-testid="review-title"
        />
        <Radio.Group label={t('form.scope')} value={kind} onChange={(value) => setKind(value as ScopeKind)} data-testid="review-scope">
          <Group gap="md" mt={4}>
            {(['categories', 'department', 'privileged', 'changed', 'all'] as const).map((value) => (
              <Radio key={value} value={value} label={t(`form.scopeKind.${value}`)} disabled={value === 'changed' && !lastClosed} />
            ))}
          </Group>
        </Radio.Group>
        {kind === 'changed' && lastClosed && (
          <Text size="sm" c="dimmed">
            {t('form.changedSince', { title: lastClosed.title, at: f.instant(lastClosed.createdAt) })}
          </Text>
        )}
        {kind === 'categories' && (
          <MultiSelect
            label={t('form.categories')}
            data={DataCategory.options.map((value) => ({ value, label: names.dataCategory[value] }))}
            value={categories}
            onChange={setCategories}
            error={step.errors['scope.categories']}
            data-testid="review-categories"
            searchable
          />
        )}
        {kind === 'department' && (
          <Select
            label={t('form.department')}
            data={Department.options.map((value) => ({ value, label: t(`department.${value}`) }))}
            value={department}
            onChange={setDepartment}
          />
        )}
        <Text size="sm" fw={500} mb={-6}>
          {t('form.reviewers')}
        </Text>
        <SegmentedControl
          value={reviewerKind}
          onChange={(value) => setReviewerKind(value as 'manager' | 'owner' | 'named')}
          data={(['manager', 'owner', 'named'] as const).map((value) => ({ value, label: t(`form.reviewerKind.${value}`) }))}
          aria-label={t('form.reviewers')}
          data-testid="review-reviewers"
        />
        {reviewerKind === 'named' && (
          <Select
            label={t('form.reviewer')}
            data={(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
            value={reviewer}
            onChange={setReviewer}
            error={step.errors.reviewers}
          />
        )}
        <TextInput
          type="date"
          label={t('form.due')}
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          error={step.errors.dueDate}
          w={200}
        />
        <Textarea
          label={t('form.instructions')}
          value={instructions}
          onChange={(e) => setInstructions(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {step.failure && (
          <Alert color="red" py={6}>
            {step.failure}
          </Alert>
        )}
        <Group>
          <Button
            loading={step.mutation.isPending}
            onClick={() =>
              step.mutation.mutate(
                {
                  title,
                  scope: scope(),
                  reviewers: reviewerKind === 'named' ? { kind: 'named', staffId: reviewer ?? '' } : { kind: reviewerKind },
                  dueDate: due,
                  instructions,
                },
                { onSuccess: (review) => onDone(review.id) },
              )
            }
            data-testid="review-submit"
          >
            {t('form.submit')}
          </Button>
          <Button variant="default" onClick={() => onDone(null)}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
