import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';

/** A keyboard action a feature offers: its keys and how the help names it. Bound to a handler by a component. */
export interface ActionSpec {
  id: string;
  /** `KeyboardEvent.key` values: `j`, `ArrowDown`, `Enter`, `N` (that is Shift+n), `/`, `?`. */
  keys: readonly string[];
  /** The help's text for it, a key of the feature's namespace. */
  label: string;
  /** The help's heading it stands under, a key of the feature's namespace. */
  group: string;
  /** Also while the focus is in a text field (Escape). */
  whileTyping?: boolean;
}

export interface RegisteredAction extends ActionSpec {
  /** The i18next namespace of its texts. */
  namespace: string;
}

/** A handler answers false when the key was not its business after all (the key then does its usual thing). */
type Handler = () => unknown;

interface Binding {
  layer: number;
  handler: { current: Handler };
}

interface ActionRegistry {
  actions: readonly RegisteredAction[];
  bind(id: string, binding: Binding): () => void;
  /** Opens a layer above all others; answers its number (for bindings inside it) and how to close it. */
  pushLayer(): { layer: number; pop(): void };
  /** Ids of the actions with a handler in a layer (the active one when absent), for the help. */
  available(layer?: number): Set<string>;
  /** Runs an action's handler in a layer, as its key would there (the command palette). */
  run(id: string, layer: number): void;
  subscribe(listener: () => void): () => void;
}

/** Typing in a field must not trigger single-key shortcuts. */
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const RegistryContext = createContext<ActionRegistry | null>(null);
const LayerContext = createContext(0);

/** Creates the one keyboard registry: a single key listener dispatches to whatever the active layer binds. */
export function createActionRegistry(actions: readonly RegisteredAction[], target: Pick<Window, 'addEventListener'> = window) {
  const byKey = new Map<string, RegisteredAction[]>();
  const ids = new Set<string>();
  for (const action of actions) {
    if (ids.has(action.id)) throw new Error(`keyboard action ${action.id} is registered twice`);
    ids.add(action.id);
    for (const key of action.keys) {
      const taken = byKey.get(key) ?? [];
      byKey.set(key, [...taken, action]);
    }
  }
  const bindings = new Map<string, Binding[]>();
  // The base layer is 0; every open dialog pushes one and only the top layer's actions answer.
  const layers: number[] = [];
  let lastLayer = 0;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const top = () => layers[layers.length - 1] ?? 0;

  const registry: ActionRegistry = {
    actions,
    bind(id, binding) {
      if (!ids.has(id)) throw new Error(`no keyboard action ${id}: declare it in its feature`);
      bindings.set(id, [...(bindings.get(id) ?? []), binding]);
      notify();
      return () => {
        bindings.set(
          id,
          (bindings.get(id) ?? []).filter((b) => b !== binding),
        );
        notify();
      };
    },
    pushLayer() {
      const layer = ++lastLayer;
      layers.push(layer);
      notify();
      return {
        layer,
        pop() {
          layers.splice(layers.indexOf(layer), 1);
          notify();
        },
      };
    },
    available(layer = top()) {
      return new Set([...bindings].filter(([, list]) => list.some((b) => b.layer === layer)).map(([id]) => id));
    },
    run(id, layer) {
      const bound = (bindings.get(id) ?? []).filter((b) => b.layer === layer);
      bound[bound.length - 1]?.handler.current();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = isTyping(event.target);
    const layer = top();
    for (const action of byKey.get(event.key) ?? []) {
      if (typing && !action.whileTyping) continue;
      const bound = (bindings.get(action.id) ?? []).filter((b) => b.layer === layer);
      const latest = bound[bound.length - 1];
      if (!latest) continue;
      if (latest.handler.current() === false) continue;
      event.preventDefault();
      return;
    }
  };
  target.addEventListener('keydown', onKey as EventListener);
  return { registry, dispose: () => (target as Window).removeEventListener('keydown', onKey as EventListener) };
}

export function ActionsProvider({ actions, children }: { actions: readonly RegisteredAction[]; children: ReactNode }) {
  const [created] = useState(() => createActionRegistry(actions));
  useEffect(() => created.dispose, [created]);
  return <RegistryContext.Provider value={created.registry}>{children}</RegistryContext.Provider>;
}

function useRegistry(): ActionRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('keyboard actions outside ActionsProvider');
  return registry;
}

/**
 * Binds a declared action to a handler while the component is mounted and `enabled`. The handler may change
 * on every render; the binding stays.
 */
export function useAction(id: string, handler: Handler, enabled = true): void {
  const registry = useRegistry();
  const layer = useContext(LayerContext);
  const current = useRef(handler);
  current.current = handler;
  useEffect(() => {
    if (!enabled) return;
    return registry.bind(id, { layer, handler: current });
  }, [registry, id, layer, enabled]);
}

/**
 * While `active` (a dialog is open), the shortcuts of the screen beneath are off; actions bound inside the
 * returned provider answer instead.
 */
export function KeyboardLayer({ active, children }: { active: boolean; children: ReactNode }) {
  const registry = useRegistry();
  const parent = useContext(LayerContext);
  const [layer, setLayer] = useState(parent);
  useEffect(() => {
    if (!active) return;
    const opened = registry.pushLayer();
    setLayer(opened.layer);
    return () => {
      opened.pop();
      setLayer(parent);
    };
  }, [registry, active, parent]);
  return <LayerContext.Provider value={layer}>{children}</LayerContext.Provider>;
}

/**
 * The declared actions, which of them answer on the screen the caller sits on (the help overlay, the palette),
 * and how to run one there.
 */
export function useAvailableActions() {
  const registry = useRegistry();
  const layer = useContext(LayerContext);
  const [available, setAvailable] = useState(() => registry.available(layer));
  useEffect(() => {
    setAvailable(registry.available(layer));
    return registry.subscribe(() => setAvailable(registry.available(layer)));
  }, [registry, layer]);
  return useMemo(
    () => ({ actions: registry.actions, available, run: (id: string) => registry.run(id, layer) }),
    [registry, available, layer],
  );
}
