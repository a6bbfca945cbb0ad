import {
  Button,
  type DrawerProps,
  Group,
  Drawer as MantineDrawer,
  Modal as MantineModal,
  type ModalProps,
  Stack,
  Text,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyboardLayer } from './actions';

/** Mantine's modal, with the screen's shortcuts off while it is open (its own keys answer instead). */
export function Modal(props: ModalProps) {
  const { t } = useTranslation('common');
  return (
    <KeyboardLayer active={props.opened}>
      {/* The close button has no text: a screen reader needs its name. */}
      <MantineModal closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />
    </KeyboardLayer>
  );
}

/** Mantine's drawer, with the screen's shortcuts off while it is open. */
export function Drawer(props: DrawerProps) {
  const { t } = useTranslation('common');
  return (
    <KeyboardLayer active={props.opened}>
      <MantineDrawer closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />
    </KeyboardLayer>
  );
}

export interface ConfirmProps {
  title: string;
  /** What happens, in plain words: what the platform does, what cannot be taken back. */
  consequence: ReactNode;
  confirmLabel: string;
  /** A second, quieter line: how it can still be taken back. */
  note?: string;
  /** Red where the step destroys or hands over data. */
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before a step that matters, naming its consequence. Escape cancels; Enter confirms, except where the
 * step destroys or hands over data (`danger`): there the focus starts on Cancel.
 */
export function ConfirmDialog({ title, consequence, confirmLabel, note, danger, onConfirm, onCancel }: ConfirmProps) {
  const { t } = useTranslation('common');
  return (
    <Modal opened onClose={onCancel} title={title} size="md" data-testid="confirm-dialog">
      <Stack gap="md">
        <Text size="sm">{consequence}</Text>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
        <Group justify="flex-end">
          {/* Where the step destroys or hands over data, Enter must not take it: the focus starts on Cancel. */}
          <Button variant="default" onClick={onCancel} data-autofocus={danger || undefined}>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} data-autofocus={!danger || undefined}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A confirmation on demand: `ask(props)` shows it and `element` renders it where the caller puts it.
 * Confirming runs the step and closes the question.
 */
export function useConfirm() {
  const [asked, setAsked] = useState<Omit<ConfirmProps, 'onCancel'> | null>(null);
  return {
    ask: (props: Omit<ConfirmProps, 'onCancel'>) => setAsked(props),
    element: asked && (
      <ConfirmDialog
        {...asked}
        onConfirm={() => {
          setAsked(null);
          asked.onConfirm();
        }}
        onCancel={() => setAsked(null)}
      />
    ),
  };
}

/**
 * Closing a form with unsaved edits asks first. `requestClose` is for every way out (Escape, the close
 * button, Cancel); a save closes through the caller's own onClose.
 */
export function useCloseGuard(dirty: boolean, onClose: () => void) {
  const { t } = useTranslation('common');
  const confirm = useConfirm();
  const requestClose = () => {
    if (!dirty) return onClose();
    confirm.ask({
      title: t('dialogs.discardTitle'),
      consequence: t('dialogs.discardBody'),
      confirmLabel: t('dialogs.discard'),
      danger: true,
      onConfirm: onClose,
    });
  };
  return { requestClose, guard: confirm.element };
}
