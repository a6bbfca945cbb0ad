import { type DrawerProps, Drawer as MantineDrawer, Modal as MantineModal, type ModalProps } from '@mantine/core';
import { KeyboardLayer } from './actions';

/** Mantine's modal, with the screen's shortcuts off while it is open (its own keys answer instead). */
export function Modal(props: ModalProps) {
  return (
    <KeyboardLayer active={props.opened}>
      <MantineModal {...props} />
    </KeyboardLayer>
  );
}

/** Mantine's drawer, with the screen's shortcuts off while it is open. */
export function Drawer(props: DrawerProps) {
  return (
    <KeyboardLayer active={props.opened}>
      <MantineDrawer {...props} />
    </KeyboardLayer>
  );
}
