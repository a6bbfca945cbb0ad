import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type QueueRow, SEARCH_LIMIT } from '../../shared/ipc/contract';
import { useAction } from '../app/actions';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useTakeParams } from '../app/link-params';
import { useProblemText } from '../app/problems';
import { shellQueries } from '../app/queries';
import { useStaffNames } from '../app/staff';
import { useMayWrite, useWorkspace } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { BulkActions } from './BulkActions';
import { DueBadge } from './DueBadge';
import { FigureFilter } from './FigureFilter';
import { IntakeDialog } from './IntakeDialog';
import { linkedFilter } from './linked-filter';
import { defaultFilter, type QueueFilter, QueueFilters } from './QueueFilters';
import { RequestDetail } from './RequestDetail';
import { useAssignGuard } from './useAssignGuard';
import { useAssign, useQueue } from './useQueue';
import { type ViewName, viewOf, views } from './views';

const ROW_HEIGHT = 44;
/** Beside an open request: one line per row, so ten and more fit on a 720-pixel screen. */
const COMPACT_ROW_HEIGHT = 34;
const WIDE_KEY = 'privacy-console.detail-wide';
/** Below this width (px) the queue is compact. */
const COMPACT_BELOW = 900;
const statusColors: Record<QueueRow['status'], string> = {
  new: 'blue',
  identity_pending: 'violet',
  in_progress: 'indigo',
  awaiting_subject: 'cyan',
  completed: 'teal',
  denied: 'red',
  withdrawn: 'gray',
  duplicate: 'gray',
};

export function RequestQueue() {
  const { t, i18n } = useTranslation('dsar');
  const problems = useProblemText();
  const names = useLabels();
  const bridge = useBridge();
  const [filter, setFilterState] = useState<QueueFilter>(defaultFilter);
  const [selected, setSelected] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  // The request may take the whole width (the queue steps aside); remembered across starts.
  const [wide, setWideState] = useState(() => localStorage.getItem(WIDE_KEY) === 'true');
  const setWide = (next: boolean) => {
    localStorage.setItem(WIDE_KEY, String(next));
    setWideState(next);
  };
  // One line per row and the four key columns where the queue is narrow (beside an open request, a small screen).
  const { ref: mainRef, width: mainWidth } = useElementSize();
  const compact = mainWidth > 0 && mainWidth < COMPACT_BELOW;
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const [intake, setIntake] = useState(false);
  const setFilter = useCallback((next: QueueFilter) => {
    setFilterState(next);
    setSelected(0);
  }, []);
  // A link (a figure of the overview, the palette) may bring a filter and a request to open.
  useTakeParams({
    q: (text) => {
      const linked = linkedFilter(text);
      if (linked) setFilter(linked);
    },
    open: setOpenId,
  });
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const queue = useQueue(filter);
  const assign = useAssign();
  const staffName = useStaffNames();
  const workspace = useWorkspace();
  const syncStatus = useQuery(shellQueries.syncStatus(bridge));
  const me = workspace.data?.me ?? null;
  const mayWrite = useMayWrite('dsar:write');
  const format = useDateFormat();

  const rows = useMemo(() => queue.data?.pages.flatMap((page) => page.rows) ?? [], [queue.data]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastItem = items[items.length - 1];

  useEffect(() => {
    if (lastItem && lastItem.index >= rows.length - 40 && queue.hasNextPage && !queue.isFetchingNextPage) void queue.fetchNextPage();
  }, [lastItem, rows.length, queue]);

  const assignGuard = useAssignGuard({ undoShown: false });
  const act = (row: QueueRow | undefined, to: 'me' | null) => {
    if (!row || !mayWrite || !me) return;
    const assigneeId = to === 'me' ? me.staff.id : null;
    assignGuard.guard(row.assigneeId, assigneeId, () => assign.mutate({ id: row.id, assigneeId }));
  };

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setSelected(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  // With the request across the full width the queue is out of sight: its keys rest.
  const queueShown = !(openId !== null && wide);
  useAction('queue.next', () => move(selected + 1), queueShown);
  useAction('queue.previous', () => move(selected - 1), queueShown);
  useAction(
    'queue.open',
    () => {
      if (!rows[selected]) return false;
      setOpenId(rows[selected].id);
    },
    queueShown,
  );
  useAction('queue.assignToMe', () => act(rows[selected], 'me'), mayWrite && queueShown);
  useAction('queue.unassign', () => act(rows[selected], null), mayWrite && queueShown);
  useAction('queue.search', () => searchRef.current?.focus());
  useAction('queue.sync', () => void bridge['sync.now']());
  useAction('queue.intake', () => setIntake(true), mayWrite);

  const lastPage = queue.data?.pages[queue.data.pages.length - 1];
  const count = filter.search.trim()
    ? rows.length >= SEARCH_LIMIT
      ? t('queue.searchCapped', { count: rows.length })
      : t('queue.matches', { count: rows.length })
    : lastPage?.next
      ? t('queue.shownMore', { count: rows.length })
      : t('queue.shown', { count: rows.length });
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (lastItem?.end ?? 0);

  const view = viewOf(filter);
  const requestId = /^dsr_[a-z0-9]+$/i.test(filter.search.trim()) ? filter.search.trim() : null;
  const bulk = (
    // Not while a first bootstrap fills the cache: "all that match" would miss what has not arrived.
    <BulkActions
      filter={filter}
      shown={rows.length}
      more={Boolean(lastPage?.next)}
      myId={me?.staff.id ?? null}
      mayWrite={mayWrite && !queue.data?.pages[0]?.loading}
    />
  );
  const columns = compact ? 4 : 7;
  return (
    <div className="queue-layout" data-compact={compact} data-wide={openId !== null && wide}>
      <div className="queue-main" ref={mainRef}>
        <Group justify="space-between" align="baseline" wrap={compact ? 'nowrap' : 'wrap'}>
          <Group gap={compact ? 'xs' : 'md'} align="baseline" wrap="nowrap">
            <Title order={2} size={compact ? 'h4' : 'h3'}>
              {t('queue.title')}
            </Title>
            <Text size="sm" c="dimmed" data-testid="queue-count">
              {queue.isPending ? t('queue.loading') : count}
            </Text>
          </Group>
          <Group gap="xs">
            {!compact && bulk}
            {mayWrite && (
              <Button size="xs" onClick={() => setIntake(true)} data-testid="new-request">
                {t('intake.open')}
              </Button>
            )}
          </Group>
        </Group>
        {/* Saved views wrap; beside an open request they stay on one line and scroll sideways. */}
        <Group
          gap={6}
          role="group"
          aria-label={t('views.label')}
          data-testid="views"
          className="views-strip"
          wrap={compact ? 'nowrap' : 'wrap'}
        >
          {(Object.keys(views) as ViewName[]).map((name) => (
            <Button
              key={name}
              size="compact-sm"
              radius="xl"
              style={{ flexShrink: 0 }}
              variant={view === name ? 'filled' : 'default'}
              aria-pressed={view === name}
              onClick={() => setFilter(views[name])}
            >
              {name === 'identity' ? names.dsarStatus.identity_pending : t(`views.${name}`)}
            </Button>
          ))}
        </Group>
        <QueueFilters
          filter={filter}
          onChange={setFilter}
          searchRef={searchRef}
          onLeaveSearch={(toRows) => {
            if (toRows && rows.length) move(0);
          }}
          collapsed={compact}
          extra={compact && <Group gap="xs">{bulk}</Group>}
        />
        <FigureFilter filter={filter} onChange={setFilter} />
        {me && !mayWrite && (
          <Alert color="gray" py="xs">
            {t('queue.readOnly')}
          </Alert>
        )}
        {queue.error && <Alert color="red">{problems.failure(queue.error)}</Alert>}
        {queue.data?.pages[0]?.loading && (
          <Alert color="blue" py="xs" data-testid="queue-loading" role="status">
            {syncStatus.data?.remaining != null
              ? t('queue.firstSyncRemaining', {
                  count: syncStatus.data.applied,
                  applied: syncStatus.data.applied.toLocaleString(i18n.language),
                  remaining: syncStatus.data.remaining.toLocaleString(i18n.language),
                })
              : t('queue.firstSync', {
                  count: syncStatus.data?.applied ?? 0,
                  applied: (syncStatus.data?.applied ?? 0).toLocaleString(i18n.language),
                })}
          </Alert>
        )}
        <div ref={scrollRef} className="queue-scroll" data-testid="queue-scroll">
          <Table className="queue-table" highlightOnHover stickyHeader={false} aria-label={t('queue.title')} aria-rowcount={rows.length}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queue.type')}</Table.Th>
                <Table.Th>{t('queue.subject')}</Table.Th>
                {!compact && <Table.Th>{t('queue.received')}</Table.Th>}
                <Table.Th>{t('queue.due')}</Table.Th>
                <Table.Th>{t('queue.status')}</Table.Th>
                {!compact && <Table.Th>{t('queue.assignee')}</Table.Th>}
                {!compact && <Table.Th>{t('queue.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paddingTop > 0 && (
                <tr aria-hidden style={{ height: paddingTop }}>
                  <td colSpan={columns} />
                </tr>
              )}
              {items.map((item) => {
                const row = rows[item.index];
                return (
                  <Table.Tr
                    key={row.id}
                    data-testid="queue-row"
                    data-id={row.id}
                    data-due={row.dueDate}
                    data-pending={row.pending}
                    aria-selected={item.index === selected}
                    aria-rowindex={item.index + 1}
                    onClick={() => {
                      setSelected(item.index);
                      setOpenId(row.id);
                    }}
                    style={{ height: rowHeight }}
                  >
                    {compact ? (
                      <>
                        <Table.Td title={names.dsarType[row.type]}>{names.dsarTypeShort[row.type]}</Table.Td>
                        <Table.Td title={row.subjectEmail ?? undefined}>
                          <Text size="sm" fw={500} truncate>
                            {row.subjectName}
                          </Text>
                        </Table.Td>
                      </>
                    ) : (
                      <>
                        <Table.Td>{names.dsarType[row.type]}</Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={500} lh={1.2}>
                            {row.subjectName}
                          </Text>
                          <Text size="xs" c="dimmed" lh={1.2}>
                            {row.subjectEmail}
                          </Text>
                        </Table.Td>
                        <Table.Td title={format.instantWithZone(row.receivedAt)}>{format.day(row.receivedAt)}</Table.Td>
                      </>
                    )}
                    <Table.Td>
                      <DueBadge dueDate={row.dueDate} status={row.status} paused={row.clockPaused} compact={compact} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={statusColors[row.status]} variant="light" title={names.dsarStatus[row.status]}>
                        {names.dsarStatus[row.status]}
                      </Badge>
                    </Table.Td>
                    {!compact && (
                      <>
                        <Table.Td data-testid="assignee">
                          <Group gap={4} wrap="nowrap">
                            <Text size="sm">{row.assigneeId ? staffName(row.assigneeId) : '—'}</Text>
                            {row.pending && (
                              <Tooltip label={t('queue.pending')}>
                                <Badge size="xs" color="orange" variant="outline" data-testid="row-pending">
                                  {t('queue.pending')}
                                </Badge>
                              </Tooltip>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {mayWrite &&
                            (row.assigneeId === me?.staff.id ? (
                              <Button
                                size="compact-xs"
                                variant="default"
                                onClick={(event) => {
                                  event.stopPropagation();
                                  act(row, null);
                                }}
                              >
                                {t('queue.unassign')}
                              </Button>
                            ) : (
                              <Button
                                size="compact-xs"
                                variant="light"
                                onClick={(event) => {
                                  event.stopPropagation();
                                  act(row, 'me');
                                }}
                              >
                                {t('queue.assignToMe')}
                              </Button>
                            ))}
                        </Table.Td>
                      </>
                    )}
                  </Table.Tr>
                );
              })}
              {paddingBottom > 0 && (
                <tr aria-hidden style={{ height: paddingBottom }}>
                  <td colSpan={columns} />
                </tr>
              )}
            </Table.Tbody>
          </Table>
          {!queue.isPending && rows.length === 0 && (
            <Stack align="center" p="lg" gap="xs">
              <Text c="dimmed" ta="center">
                {syncStatus.data?.state === 'starting' ? t('queue.emptyCache', { count: syncStatus.data.applied }) : t('queue.empty')}
              </Text>
              {/* A closed request may have left this computer (storage limitation): the platform still has it. */}
              {requestId && (
                <Button variant="light" size="xs" onClick={() => setOpenId(requestId)} data-testid="fetch-request">
                  {t('queue.fetchRequest', { id: requestId })}
                </Button>
              )}
            </Stack>
          )}
          {queue.isFetchingNextPage && (
            <Group justify="center" p="sm">
              <Loader size="sm" />
              <Text size="sm">{t('queue.loadingMore')}</Text>
            </Group>
          )}
        </div>
        <Text size="xs" c="dimmed" data-testid="shortcuts-hint">
          {t('queue.shortcutsHint')}
        </Text>
      </div>
      {openId && (
        <RequestDetail key={openId} id={openId} mayWrite={mayWrite} onClose={() => setOpenId(null)} wide={wide} onWide={setWide} />
      )}
      {assignGuard.element}
      {intake && (
        <IntakeDialog
          onClose={() => setIntake(false)}
          onCreated={(id) => {
            setIntake(false);
            setOpenId(id);
          }}
        />
      )}
    </div>
  );
}
