import { EventEmitter } from 'node:events';
import type { SyncStatus } from '../../shared/ipc/contract';
import { PlatformError } from '../platform/errors';
import { type PullContext, type PullOptions, pull } from './pull';
import { type PushContext, push } from './push';
import type { SyncState } from './sync-state';

export interface SyncEngineOptions {
  /** How often to pull while online. */
  pollMs?: number;
  /** First retry delay while offline; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  pull?: PullOptions;
  /** Told of every failed run; may word it (a damaged cache). */
  explain?(error: unknown): string | null;
}

export interface SyncEvents {
  status: [SyncStatus];
  changed: [string[]];
}

/**
 * Keeps the cache and the platform in step: push the outbox, then pull the feed; on a timer while online,
 * with growing pauses while offline, and at once when asked (`kick`). Runs never overlap.
 */
export class SyncEngine extends EventEmitter<SyncEvents> {
  private status: SyncStatus;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  /** A write held for undo until this instant: the next run comes then, whatever the poll interval. */
  private heldUntil: number | null = null;

  constructor(
    private readonly ctx: PullContext & PushContext & { state: SyncState },
    private readonly options: SyncEngineOptions = {},
  ) {
    super();
    this.status = {
      state: 'starting',
      lastSyncedAt: ctx.state.get('last_synced_at'),
      pendingWrites: ctx.outbox.count(),
      conflicts: ctx.conflicts.count(),
      lastError: null,
      applied: 0,
      nextRetryAt: null,
      remaining: null,
      rate: null,
    };
  }

  current(): SyncStatus {
    return this.status;
  }

  /**
   * Runs a cycle now or, when one is under way, a fresh one right after it (a write made during a cycle
   * may have missed its push). Resolves when that cycle has finished; concurrent kicks share it.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.queued ??= this.running.then(() => {
        this.queued = null;
        return this.kick();
      });
      return this.queued;
    }
    this.clearTimer();
    this.running = this.cycle().finally(() => {
      this.running = null;
      if (!this.queued) this.schedule();
    });
    return this.running;
  }

  /** The outbox or the conflicts changed here: the status counts them again. */
  recount(): void {
    this.update({ pendingWrites: this.ctx.outbox.count(), conflicts: this.ctx.conflicts.count() });
  }

  /** Tells listeners about a local change (a new pending write) without waiting for the platform. */
  noteLocalChange(entities: string[]): void {
    this.update({ pendingWrites: this.ctx.outbox.count(), conflicts: this.ctx.conflicts.count() });
    this.emit('changed', entities);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.running?.catch(() => undefined);
  }

  private async cycle(): Promise<void> {
    // A hold seen by an earlier run is over or answered by this one: a failing run must not keep waking up for it.
    this.heldUntil = null;
    this.update({ state: this.status.state === 'starting' ? 'starting' : 'syncing', applied: 0, remaining: null, rate: null });
    try {
      const pushed = await push(this.ctx);
      this.heldUntil = pushed.heldUntil ? Date.parse(pushed.heldUntil) : null;
      if (pushed.changed.size) this.emit('changed', [...pushed.changed]);
      this.update({ pendingWrites: this.ctx.outbox.count(), conflicts: this.ctx.conflicts.count() });
      const started = Date.now();
      let shown = 0;
      const pulled = await pull(this.ctx, {
        ...this.options.pull,
        onProgress: (applied, remaining) =>
          this.update({ applied, remaining, rate: Math.round(applied / Math.max(0.001, (Date.now() - started) / 1000)) }),
        // While a bootstrap goes on, the screens show what has arrived: at once, then at most once a second.
        onBatch: (entities) => {
          if (!entities.size || Date.now() - shown < 1000) return;
          shown = Date.now();
          this.emit('changed', [...entities]);
        },
      });
      if (pulled.size) this.emit('changed', [...pulled]);
      this.failures = 0;
      this.update({
        state: 'online',
        lastSyncedAt: this.ctx.state.get('last_synced_at'),
        lastError: null,
        nextRetryAt: null,
        remaining: null,
        rate: null,
        pendingWrites: this.ctx.outbox.count(),
        conflicts: this.ctx.conflicts.count(),
      });
    } catch (error) {
      this.failures++;
      const message = this.options.explain?.(error) ?? (error instanceof Error ? error.message : String(error));
      this.update({
        state: stateAfter(error),
        lastError: message,
        nextRetryAt: new Date(Date.now() + this.retryDelay()).toISOString(),
        pendingWrites: this.ctx.outbox.count(),
        conflicts: this.ctx.conflicts.count(),
      });
    }
  }

  /** After failures, later each time (doubling up to the longest wait); otherwise the regular poll. */
  private retryDelay(): number {
    const retry = this.options.retryMs ?? 1000;
    return Math.min(retry * 2 ** Math.max(0, this.failures - 1), this.options.maxRetryMs ?? 30_000);
  }

  private schedule(): void {
    if (this.stopped) return;
    // Every kind of failure backs off (a platform refusing who asks is not asked again at once either).
    const regular = this.failures > 0 ? this.retryDelay() : (this.options.pollMs ?? 15_000);
    const delay = this.heldUntil === null ? regular : Math.min(regular, Math.max(0, this.heldUntil - Date.now()) + 20);
    this.timer = setTimeout(() => void this.kick(), delay);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.emit('status', this.status);
  }
}

/** What a failed cycle means for the person: unreachable, no longer signed in, or answers outside the contract. */
function stateAfter(error: unknown): SyncStatus['state'] {
  if (!(error instanceof PlatformError)) return 'online';
  if (error.transient) return 'offline';
  if (error.status === 401) return 'signed_out';
  if (error.kind === 'invalid_response') return 'incompatible';
  return 'online';
}
