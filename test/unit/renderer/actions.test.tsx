// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActionsProvider, createActionRegistry, KeyboardLayer, type RegisteredAction, useAction } from '../../../renderer/app/actions';
import { Modal } from '../../../renderer/app/dialogs';
import { KeyboardHelp } from '../../../renderer/app/KeyboardHelp';
import { features } from '../../../renderer/features';
import { initI18n } from '../../../renderer/i18n';
import { domForMantine } from '../../support/screen';

const actions: RegisteredAction[] = [
  { id: 'list.next', keys: ['j', 'ArrowDown'], label: 'keys.next', group: 'keys.queue', namespace: 'dsar' },
  { id: 'list.open', keys: ['Enter'], label: 'keys.open', group: 'keys.queue', namespace: 'dsar' },
  { id: 'pane.close', keys: ['Escape'], label: 'keys.close', group: 'keys.detail', namespace: 'dsar' },
  { id: 'dialog.confirm', keys: ['y'], label: 'keys.open', group: 'keys.detail', namespace: 'dsar' },
];

function Screen({ log }: { log: string[] }) {
  const [dialog, setDialog] = useState(false);
  const [nextOn, setNextOn] = useState(true);
  useAction('list.next', () => log.push('next'), nextOn);
  useAction('list.open', () => setDialog(true));
  useAction('pane.close', () => log.push('close'));
  return (
    <>
      <input aria-label="search" />
      <button type="button" onClick={() => setNextOn(false)}>
        disable next
      </button>
      <Modal opened={dialog} onClose={() => setDialog(false)} title="dialog">
        <Confirm log={log} />
      </Modal>
    </>
  );
}

function Binds({ id }: { id: string }) {
  useAction(id, () => undefined);
  return null;
}

function Confirm({ log }: { log: string[] }) {
  useAction('dialog.confirm', () => log.push('confirm'));
  return <p>inside</p>;
}

beforeAll(async () => {
  domForMantine();
  await initI18n('en');
});
afterEach(cleanup);

const mount = (log: string[]) =>
  render(
    <MantineProvider>
      <ActionsProvider actions={actions}>
        <Screen log={log} />
      </ActionsProvider>
    </MantineProvider>,
  );

describe('the keyboard registry', () => {
  it('runs the bound handler for any of the declared keys, and marks the key handled', () => {
    const log: string[] = [];
    mount(log);
    const down = new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true });
    act(() => void window.dispatchEvent(down));
    fireEvent.keyDown(window, { key: 'j' });
    expect(log).toEqual(['next', 'next']);
    expect(down.defaultPrevented).toBe(true);
  });

  it('leaves keys alone while the user types, with modifiers, and when nothing is bound', async () => {
    const log: string[] = [];
    mount(log);
    await userEvent.type(screen.getByLabelText('search'), 'jj');
    fireEvent.keyDown(window, { key: 'j', ctrlKey: true });
    const unbound = new KeyboardEvent('keydown', { key: 'x', cancelable: true });
    act(() => void window.dispatchEvent(unbound));
    expect(log).toEqual([]);
    expect(unbound.defaultPrevented).toBe(false);
  });

  it('unbinds a disabled action', async () => {
    const log: string[] = [];
    mount(log);
    await userEvent.click(screen.getByRole('button', { name: 'disable next' }));
    fireEvent.keyDown(window, { key: 'j' });
    expect(log).toEqual([]);
  });

  it('an open dialog takes the keyboard: the screen beneath does not answer, the dialog does, and closing gives it back', async () => {
    const log: string[] = [];
    mount(log);
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(await screen.findByText('inside')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'y' });
    expect(log).toEqual(['confirm']);
    await userEvent.keyboard('{Escape}'); // Mantine closes the modal
    await act(async () => new Promise((resolve) => setTimeout(resolve, 300)));
    fireEvent.keyDown(window, { key: 'j' });
    expect(log).toEqual(['confirm', 'next']);
  });

  it('refuses a binding that no feature declared, and an action declared twice', () => {
    const { registry, dispose } = createActionRegistry(actions);
    expect(() => registry.bind('nowhere', { layer: 0, handler: { current: () => undefined } })).toThrow(/declare it/);
    dispose();
    expect(() => createActionRegistry([...actions, actions[0]])).toThrow(/registered twice/);
  });

  it('every feature action has a help text in both languages, and no two use the same key on the same screen', async () => {
    const all = features.flatMap((feature) => feature.actions.map((action) => ({ ...action, namespace: feature.namespace })));
    const { registry, dispose } = createActionRegistry(all);
    expect(registry.actions).toHaveLength(all.length);
    dispose();
    const byGroup = new Map<string, string[]>();
    for (const action of all) {
      const keys = byGroup.get(action.group) ?? [];
      for (const key of action.keys) expect(keys, `${action.id} reuses ${key}`).not.toContain(key);
      byGroup.set(action.group, [...keys, ...action.keys]);
    }
    render(
      <MantineProvider>
        <ActionsProvider actions={all}>
          <KeyboardLayer active={false}>
            <Binds id="queue.next" />
            <KeyboardHelp opened onClose={() => undefined} />
          </KeyboardLayer>
        </ActionsProvider>
      </MantineProvider>,
    );
    const rows = await screen.findAllByTestId('shortcut');
    expect(rows).toHaveLength(all.length);
    // The help (itself a dialog) tells what answers on the screen beneath it.
    expect(rows.filter((row) => row.dataset.available === 'true').map((row) => row.textContent)).toEqual([
      expect.stringMatching(/Next row/),
    ]);
    for (const row of rows) expect(row.textContent).not.toMatch(/keys\.|detail\.action\./);
  });
});
