import { ActionIcon, Badge, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { foldGerman } from '../../shared/domain/search';
import { type SearchHit, searchKinds } from '../../shared/ipc/search';
import { KeyboardLayer, useAvailableActions } from '../app/actions';
import { useBridge } from '../bridge/context';
import { queueLink } from '../dsar/links';
import { declaredText } from '../i18n';

/** Where a hit leads: its screen, opened at it. */
const pathOf = (hit: SearchHit): string => {
  switch (hit.kind) {
    case 'request':
      return queueLink({ search: hit.id, statuses: [] }, hit.id);
    case 'incident':
      return `/breaches?${new URLSearchParams({ open: hit.id })}`;
    case 'processor':
      return `/processors?${new URLSearchParams({ open: hit.id })}`;
    case 'activity':
      return `/records?${new URLSearchParams({ open: hit.id })}`;
    case 'policy':
      return `/policies?${new URLSearchParams({ version: hit.id })}`;
    case 'staff':
      return queueLink({ assignee: hit.id });
  }
};

export interface PaletteScreen {
  path: string;
  label: string;
}

/**
 * Ctrl/Cmd+K: one list over the cache (requests, incidents, processors, activities, policy versions, people),
 * the commands the current screen offers, and the screens to go to. Arrow keys choose, Enter runs.
 */
export function CommandPalette({ screens }: { screens: readonly PaletteScreen[] }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState(false);
  const [text] = useDebouncedValue(query.trim(), 120);
  // The screen's actions as they are beneath the palette (the palette itself is a layer above them).
  const { actions, available, run } = useAvailableActions();
  const hits = useQuery({
    queryKey: ['palette', text],
    queryFn: () => bridge['search.everything']({ text }),
    enabled: opened && text.length > 0,
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
  const words = foldGerman(query).split(/\s+/).filter(Boolean);
  const fits = (label: string) => words.every((word) => foldGerman(label).includes(word));
  const commands = actions
    .filter((action) => available.has(action.id) && action.id !== 'app.help')
    .map((action) => ({ action, label: declaredText(action.namespace, action.label) }))
    .filter(({ label }) => fits(label));
  const goTo = screens.filter((screen) => fits(`${t('palette.goTo')} ${screen.label}`));
  const found = text ? (hits.data ?? []) : [];

  return (
    <>
      <Tooltip label={t('palette.open')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('palette.open')}
          onClick={() => spotlight.open()}
          data-testid="open-palette"
        >
          <span aria-hidden>⌕</span>
        </ActionIcon>
      </Tooltip>
      <KeyboardLayer active={opened}>
        <Spotlight.Root
          query={query}
          onQueryChange={setQuery}
          shortcut={['mod + K']}
          tagsToIgnore={[]}
          onSpotlightOpen={() => setOpened(true)}
          onSpotlightClose={() => setOpened(false)}
          scrollable
          maxHeight={480}
        >
          <Spotlight.Search placeholder={t('palette.placeholder')} aria-label={t('palette.open')} data-testid="palette-search" />
          <Spotlight.ActionsList>
            {searchKinds.map((kind) => {
              const ofKind = found.filter((hit) => hit.kind === kind);
              if (!ofKind.length) return null;
              return (
                <Spotlight.ActionsGroup key={kind} label={t(`palette.kinds.${kind}`)}>
                  {ofKind.map((hit) => (
                    <Spotlight.Action
                      key={`${hit.kind}-${hit.id}`}
                      label={hit.title}
                      description={hit.detail}
                      onClick={() => navigate(pathOf(hit))}
                      data-testid="palette-hit"
                      data-kind={hit.kind}
                    />
                  ))}
                </Spotlight.ActionsGroup>
              );
            })}
            {commands.length > 0 && (
              <Spotlight.ActionsGroup label={t('palette.actions')}>
                {commands.map(({ action, label }) => (
                  <Spotlight.Action key={action.id} onClick={() => run(action.id)} data-testid="palette-command">
                    <Group justify="space-between" w="100%" wrap="nowrap">
                      <Text size="sm">{label}</Text>
                      <Group gap={4}>
                        {action.keys.map((key) => (
                          <Kbd key={key} size="xs">
                            {key}
                          </Kbd>
                        ))}
                      </Group>
                    </Group>
                  </Spotlight.Action>
                ))}
              </Spotlight.ActionsGroup>
            )}
            {goTo.length > 0 && (
              <Spotlight.ActionsGroup label={t('palette.goTo')}>
                {goTo.map((screen) => (
                  <Spotlight.Action key={screen.path} label={screen.label} onClick={() => navigate(screen.path)} />
                ))}
              </Spotlight.ActionsGroup>
            )}
            {text && !hits.isFetching && !found.length && !commands.length && !goTo.length && (
              <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty>
            )}
            {text && hits.isFetching && !found.length && (
              <Spotlight.Empty>
                <Badge variant="light">{t('palette.searching')}</Badge>
              </Spotlight.Empty>
            )}
          </Spotlight.ActionsList>
        </Spotlight.Root>
      </KeyboardLayer>
    </>
  );
}
