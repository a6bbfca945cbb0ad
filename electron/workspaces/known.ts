import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KnownWorkspaceView } from '../../shared/ipc/contract';

const KnownWorkspace = z.object({
  id: z.string(),
  platformUrl: z.string().nullable(),
  workspaceName: z.string(),
  staffName: z.string(),
  staffEmail: z.string(),
  roles: z.array(z.string()),
  lastUsedAt: z.string(),
});
const KnownFile = z.object({ last: z.string().nullable(), workspaces: z.array(KnownWorkspace) });
type KnownFile = z.infer<typeof KnownFile>;

/** A workspace is one platform (the demo is one, wherever it listens) and one account on it. */
export const workspaceId = (platformUrl: string | null, staffId: string) =>
  createHash('sha256')
    .update(`${platformUrl ?? 'demo'}\n${staffId}`)
    .digest('hex')
    .slice(0, 16);

/** Each workspace's cache, outbox and session live apart, so nothing of one is ever sent to another. */
export const workspaceDir = (root: string, id: string) => join(root, 'workspaces', id);

/**
 * The workspaces this console has been signed in to, and the one open last (`<root>/workspaces.json`; names
 * and addresses only, no secret: each workspace's tokens are sealed in its own directory).
 */
export class KnownWorkspaces {
  private readonly path: string;
  private data: KnownFile;

  constructor(root: string) {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    this.path = join(root, 'workspaces.json');
    const parsed = existsSync(this.path) ? KnownFile.safeParse(JSON.parse(readFileSync(this.path, 'utf8'))) : null;
    this.data = parsed?.success ? parsed.data : { last: null, workspaces: [] };
  }

  list(): KnownWorkspaceView[] {
    return [...this.data.workspaces].sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
  }

  get(id: string): KnownWorkspaceView | null {
    return this.data.workspaces.find((w) => w.id === id) ?? null;
  }

  get last(): string | null {
    return this.data.last;
  }

  /** Records a workspace as just used, and as the one to open next time. */
  use(workspace: KnownWorkspaceView): void {
    this.data = { last: workspace.id, workspaces: [...this.data.workspaces.filter((w) => w.id !== workspace.id), workspace] };
    this.save();
  }

  /** Nothing opens by itself next time (after signing out). */
  forgetLast(): void {
    this.data = { ...this.data, last: null };
    this.save();
  }

  private save() {
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
    renameSync(temp, this.path);
  }
}
