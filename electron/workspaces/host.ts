import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/server';
import type { Envelope } from '../../shared/ipc/bridge';
import { type ConnectionState, type EventName, type Events, isConnectionChannel, type KnownWorkspaceView } from '../../shared/ipc/contract';
import { ConnectError, discoverAuthorization, type PlatformAuthorization, platformAddress } from '../auth/discovery';
import { AuthSession, revokeRefreshToken, type SecretStore } from '../auth/session';
import { beginSignIn, type PendingSignIn, type Tokens } from '../auth/sign-in';
import { type ConsoleOptions, type PrivacyConsole, startConsole } from '../console';
import { HandlerError } from '../ipc/errors';
import { IpcRegistry } from '../ipc/registry';
import { PlatformClient } from '../platform/client';
import { PlatformError } from '../platform/errors';
import { KnownWorkspaces, workspaceDir, workspaceId } from './known';

/** What a shell binds to its renderer: the channels and the events. */
export interface ConsoleEndpoint {
  dispatch(channel: unknown, input: unknown): Promise<Envelope>;
  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export interface WorkspaceHostOptions {
  /** Where the workspaces' directories, the list of them and the demo platform's store live. */
  root: string;
  /** The cache key of a directory (the OS keychain on the desktop; a 0600 file or the environment headless). */
  cacheKey(dir: string): string;
  /** Where a workspace's tokens are kept (sealed by the keychain on the desktop; a 0600 file headless). */
  secrets(dir: string): SecretStore;
  /** Opens the platform's sign-in page in the system browser (headless: prints it; the screen links it too). */
  openBrowser?(url: string): void;
  /** A service account: this console works with one platform under a fixed token, in `root`; no sign-in. */
  service?: { url: string; token: string };
  /** Failures opening the last workspace that end the start instead of showing on the connection screen. */
  isFatal?(error: unknown): boolean;
  /** An address the connection screen offers. */
  suggestedUrl?: string | null;
  demo?: { requests?: number /** New requests arrive this often (default 3 minutes); 0 turns it off. */; emitEveryMs?: number };
  console?: Pick<ConsoleOptions, 'timeZone' | 'sync' | 'client' | 'undoMs'>;
}

interface Open {
  known: KnownWorkspaceView;
  console: PrivacyConsole;
  session: AuthSession | null;
  off: (() => void)[];
}

/**
 * The shells' composition root above the console: which workspace is open, signing in and out, switching.
 * Each workspace (platform + account) has its own directory — cache, outbox, tokens — and its own console;
 * the channels of the open one are passed through, the connection channels are answered here.
 */
export class WorkspaceHost implements ConsoleEndpoint {
  private readonly events = new EventEmitter();
  private readonly ipc = new IpcRegistry();
  private readonly known: KnownWorkspaces;
  private current: Open | null = null;
  private pending: { platformUrl: string | null; sign: PendingSignIn } | null = null;
  private error: ConnectionState['error'] = null;
  private demoPlatform: Promise<Sandbox> | null = null;
  private serial: Promise<unknown> = Promise.resolve();
  /** Set when a damaged cache was moved aside while opening the current workspace. */
  rebuiltFrom: string | null = null;

  constructor(private readonly options: WorkspaceHostOptions) {
    this.events.setMaxListeners(50);
    this.known = new KnownWorkspaces(options.root);
    this.ipc.handle('connection.state', () => this.state());
    this.ipc.handle('connection.signIn', (input) => this.exclusive(() => this.signIn(input.platformUrl, input.language)));
    this.ipc.handle('connection.cancelSignIn', () => {
      // The person's own cancel is no failure to report.
      const pending = this.pending;
      this.pending = null;
      pending?.sign.cancel();
      this.changed();
      return this.state();
    });
    this.ipc.handle('connection.switch', (input) => this.exclusive(() => this.switchTo(input.id)));
    this.ipc.handle('connection.signOut', () => this.exclusive(() => this.signOut()));
  }

  /** Opens the service account's workspace, or the workspace open last; else the connection screen shows. */
  async start(): Promise<void> {
    if (this.options.service) {
      const { url, token } = this.options.service;
      const console_ = await startConsole({
        ...this.options.console,
        dataDir: this.options.root,
        cacheKey: this.options.cacheKey(this.options.root),
        platform: { url, token },
      });
      this.attach({ known: serviceView(url, console_), console: console_, session: null, off: [] });
      return;
    }
    const last = this.known.last ? this.known.get(this.known.last) : null;
    // A workspace that cannot be opened (its keychain entry gone, its files damaged, the demo not starting) is not
    // opened again by itself: the connection screen says why, and the others stay one click away.
    if (last)
      await this.exclusive(() => this.open(last)).catch((error: unknown) => {
        if (this.options.isFatal?.(error)) throw error;
        this.failed(error, { forgetLast: true });
      });
  }

  /** The open workspace's console (tests and the shells' own jobs read it). */
  get console(): PrivacyConsole | null {
    return this.current?.console ?? null;
  }

  state(): ConnectionState {
    const current = this.current;
    const service = this.options.service !== undefined;
    return {
      current: current
        ? {
            ...(service ? serviceView(this.options.service?.url ?? '', current.console) : current.known),
            signedIn: current.session ? current.session.signedIn : true,
            scopes: current.session?.scopes ?? current.console.workspace.me?.scopes ?? [],
            service,
          }
        : null,
      workspaces: service ? [] : this.known.list(),
      signingIn: this.pending ? { platformUrl: this.pending.platformUrl, url: this.pending.sign.url } : null,
      error: this.error,
      suggestedUrl: this.options.suggestedUrl ?? null,
      service,
    };
  }

  async dispatch(channel: unknown, input: unknown): Promise<Envelope> {
    if (typeof channel === 'string' && isConnectionChannel(channel)) return this.ipc.dispatch(channel, input);
    const open = this.current;
    if (!open) return { ok: false, error: { code: 'not_connected', message: 'No workspace is open: sign in to a platform first.' } };
    return open.console.dispatch(channel, input);
  }

  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  /** Starts signing in to a platform (null: the demo); the state carries the page to open. */
  private async signIn(typed: string | null, language: 'de' | 'en'): Promise<ConnectionState> {
    if (this.options.service) throw new HandlerError('invalid_input', 'This console runs with a service account; it does not sign in.');
    // One sign-in at a time: a second click replaces the first (its loopback listener closes).
    const previous = this.pending;
    this.pending = null;
    previous?.sign.cancel();
    this.error = null;
    let platformUrl: string | null;
    let auth: PlatformAuthorization;
    try {
      platformUrl = typed === null ? null : canonical(platformAddress(typed));
      const address = platformUrl ?? (await this.demo()).url;
      auth = await discoverAuthorization(new URL(address));
    } catch (error) {
      this.error = failure(error);
      this.changed();
      return this.state();
    }
    const sign = await beginSignIn(auth, { language });
    this.pending = { platformUrl, sign };
    sign.tokens.then(
      (tokens) => this.exclusive(() => this.signedIn(platformUrl, auth, tokens, sign)),
      (error: unknown) => {
        if (this.pending?.sign !== sign) return;
        this.pending = null;
        this.error = failure(error);
        this.changed();
      },
    );
    this.options.openBrowser?.(sign.url);
    this.changed();
    return this.state();
  }

  async close(): Promise<void> {
    this.pending?.sign.cancel();
    await this.exclusive(async () => {
      await this.detach();
      const demo = this.demoPlatform;
      this.demoPlatform = null;
      if (demo) await (await demo.catch(() => null))?.close();
    });
  }

  private async signedIn(platformUrl: string | null, auth: PlatformAuthorization, tokens: Tokens, sign: PendingSignIn) {
    // A sign-in replaced or cancelled in the meantime opens nothing (its grant is revoked at once).
    const abandoned = () => this.pending?.sign !== sign;
    const revoke = () => void revokeRefreshToken(auth, tokens.refreshToken);
    if (abandoned()) return revoke();
    try {
      const me = await new PlatformClient({ baseUrl: auth.platform.href.replace(/\/+$/, ''), token: tokens.accessToken, retries: 1 }).me();
      if (abandoned()) return revoke();
      // From here on the workspace opens: Cancel has nothing left to stop.
      this.pending = null;
      this.changed();
      const id = workspaceId(platformUrl, me.staff.id);
      AuthSession.start(auth, this.options.secrets(workspaceDir(this.options.root, id)), tokens);
      await this.open({
        id,
        platformUrl,
        workspaceName: me.workspace.name,
        staffName: me.staff.name,
        staffEmail: me.staff.email,
        roles: me.staff.roles,
        lastUsedAt: new Date().toISOString(),
      });
      this.current?.console.noteSession('sign-in', {
        actor: { id: me.staff.id, name: me.staff.name },
        detail: { scopes: tokens.scope.split(' ').filter(Boolean) },
      });
    } catch (error) {
      if (this.pending?.sign === sign) this.pending = null;
      this.failed(error);
    }
  }

  private async switchTo(id: string): Promise<ConnectionState> {
    const known = this.known.get(id);
    if (!known) throw new HandlerError('not_found', `No workspace ${id} is known here.`);
    if (this.options.service) throw new HandlerError('invalid_input', 'This console runs with a service account; it does not switch.');
    await this.open({ ...known, lastUsedAt: new Date().toISOString() }).catch((error: unknown) => this.failed(error));
    return this.state();
  }

  /** Opening failed: no workspace is open now (the old one was closed first), and the screen says why. */
  private failed(error: unknown, options: { forgetLast?: boolean } = {}) {
    if (options.forgetLast) this.known.forgetLast();
    this.error = failure(error);
    this.changed();
  }

  /** Revokes the session at the platform, closes the workspace (its data stays for the next sign-in). */
  private async signOut(): Promise<ConnectionState> {
    if (this.options.service) throw new HandlerError('invalid_input', 'This console runs with a service account; it does not sign out.');
    const open = this.current;
    const revoked = await open?.session?.signOut();
    if (open && revoked !== null && revoked !== undefined) open.console.noteSession('sign-out', { answer: { revoked } });
    await this.detach();
    this.known.forgetLast();
    this.changed();
    return this.state();
  }

  private async open(known: KnownWorkspaceView): Promise<void> {
    await this.detach();
    const dir = workspaceDir(this.options.root, known.id);
    const address = known.platformUrl ?? (await this.demo()).url;
    let opened: PrivacyConsole | null = null;
    const session = new AuthSession(() => discoverAuthorization(new URL(address)), this.options.secrets(dir), {
      // The platform ended the session (its refresh token expired or was revoked): the trail says so.
      signedOut: (reason) => {
        this.changed();
        // Only into the workspace still open (a refresh may end after a switch closed it).
        if (!opened || this.current?.console !== opened) return;
        try {
          opened.noteSession('session-ended', { answer: { message: reason } });
        } catch (error) {
          console.warn(`The end of the session could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
    const console_ = await startConsole({
      ...this.options.console,
      dataDir: dir,
      cacheKey: this.options.cacheKey(dir),
      platform: { url: address, token: session, demo: known.platformUrl === null },
    });
    opened = console_;
    this.rebuiltFrom = console_.rebuiltFrom;
    this.known.use(known);
    this.attach({ known, console: console_, session, off: [] });
  }

  private attach(open: Open) {
    for (const event of ['cache.changed', 'sync.status'] as const) {
      open.off.push(open.console.subscribe(event, (payload) => this.events.emit(event, payload)));
    }
    this.current = open;
    this.error = null;
    this.changed();
  }

  private async detach() {
    const open = this.current;
    this.current = null;
    if (!open) return;
    for (const off of open.off) off();
    await open.console.close();
  }

  /** The demo workspace's platform: the reference implementation in-process on loopback, its store beside the workspaces. */
  private demo(): Promise<Sandbox> {
    this.demoPlatform ??= (async () => {
      const emitEveryMs = this.options.demo?.emitEveryMs;
      // The same port as last time where it is free: the platform's address is its tokens' issuer and audience,
      // so the demo session survives a restart (elsewhere the demo asks to sign in again).
      const portFile = join(this.options.root, 'demo-port');
      const remembered = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0;
      // Loaded when the demo is opened: the reference platform (its authorization server with it) is no part of
      // a start on a real platform.
      const { startSandbox } = await import('../../sandbox/server');
      const start = (port: number) =>
        startSandbox({
          port,
          dbPath: join(this.options.root, 'demo-platform.sqlite'),
          // The demo's people are as readable on disk as real ones would be: the store is encrypted too.
          dbKey: createHmac('sha256', Buffer.from(this.options.cacheKey(this.options.root), 'hex'))
            .update('demo-platform')
            .digest('hex'),
          demo: true,
          requests: this.options.demo?.requests,
          emitEveryMs: emitEveryMs ?? 180_000,
          // A processor reports a breach shortly after the demo starts: the 72-hour clock is seen ticking.
          incidentAfterMs: emitEveryMs === 0 ? undefined : 20_000,
          leaverAfterMs: emitEveryMs === 0 ? undefined : 30_000,
        });
      const sandbox = await start(Number.isInteger(remembered) && remembered > 1024 ? remembered : 0).catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
        return start(0);
      });
      writeFileSync(portFile, new URL(sandbox.url).port, { mode: 0o600 });
      return sandbox;
    })().catch((error: unknown) => {
      // Tried again next time, not remembered as failed.
      this.demoPlatform = null;
      throw error;
    });
    return this.demoPlatform;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.serial.then(work, work);
    this.serial = next.catch(() => undefined);
    return next;
  }

  private changed() {
    this.events.emit('connection.changed', this.state());
  }
}

const canonical = (url: URL) => url.href.replace(/\/+$/, '');

function failure(error: unknown): { code: string; message: string } {
  if (error instanceof ConnectError) return { code: error.code, message: error.message };
  if (error instanceof PlatformError) {
    return { code: error.kind === 'network' || error.kind === 'timeout' ? 'unreachable' : 'sign-in-failed', message: error.message };
  }
  return { code: 'open-failed', message: error instanceof Error ? error.message : String(error) };
}

function serviceView(url: string, console_: PrivacyConsole): KnownWorkspaceView {
  const me = console_.workspace.me;
  return {
    id: 'service',
    platformUrl: url,
    workspaceName: me?.workspace.name ?? url,
    staffName: me?.staff.name ?? '',
    staffEmail: me?.staff.email ?? '',
    roles: me?.staff.roles ?? [],
    lastUsedAt: new Date().toISOString(),
  };
}
