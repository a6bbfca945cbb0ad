import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The folder (under `world/`) that a relative import from `file` lands in. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(root, join(root, file, '..', specifier));
}

/**
 * Feature folders of a world may use the world's infrastructure and `shared/`, but not each other's
 * internals: what one feature needs of another reaches it through the composition root.
 */
function crossFeature(world: string, features: readonly string[]) {
  return violations(sources(world), (specifier, file) => {
    const from = features.find((f) => file.startsWith(`${world}/${f}/`));
    const to = target(file, specifier);
    if (!from || !to) return false;
    return features.some((f) => f !== from && to.startsWith(`${world}/${f}/`));
  });
}

const violations = (files: string[], forbidden: (specifier: string, file: string) => boolean) =>
  files.flatMap((file) =>
    imports(file)
      .filter((s) => forbidden(s, file))
      .map((s) => `${file} imports ${s}`),
  );

describe('architecture boundaries', () => {
  it('shared/ is pure: no Node, Electron, DOM libraries or other worlds', () => {
    expect(
      violations(
        sources('shared'),
        (s) => s.startsWith('node:') || s === 'electron' || s.startsWith('react') || /\.\.\/(electron|renderer|sandbox)\//.test(s),
      ),
    ).toEqual([]);
  });

  it('renderer/ never reaches Node, Electron, the main process or the sandbox', () => {
    expect(
      violations(
        sources('renderer'),
        (s) =>
          s.startsWith('node:') || s === 'electron' || /(^|\/)(electron|sandbox)\//.test(s) || ['fs', 'path', 'child_process'].includes(s),
      ),
    ).toEqual([]);
  });

  it('electron is imported only by main.ts, preload.ts and desktop/', () => {
    const allowed = (file: string) => file === 'electron/main.ts' || file === 'electron/preload.ts' || file.startsWith('electron/desktop/');
    expect(violations(sources('electron'), (s, file) => (s === 'electron' || s === 'electron-store') && !allowed(file))).toEqual([]);
  });

  it('sandbox/ is the platform: it knows the contract, not the console', () => {
    expect(violations(sources('sandbox'), (s) => s === 'electron' || /\.\.\/(electron|renderer)\//.test(s))).toEqual([]);
  });

  it('electron/: a feature does not import another feature', () => {
    expect(crossFeature('electron', ['dsar', 'processors', 'records', 'staff', 'breaches', 'policies'])).toEqual([]);
  });

  it('renderer/: a feature does not import another feature', () => {
    expect(crossFeature('renderer', ['dsar', 'processors', 'settings', 'breaches', 'policies', 'access'])).toEqual([]);
  });

  it('renderer/: the shell knows the features only through renderer/features.ts', () => {
    const shell = ['app', 'sync', 'bridge', 'i18n'];
    const features = ['dsar', 'processors', 'settings', 'breaches'];
    expect(
      violations(sources('renderer'), (specifier, file) => {
        const to = target(file, specifier);
        return shell.some((f) => file.startsWith(`renderer/${f}/`)) && to !== null && features.some((f) => to.startsWith(`renderer/${f}/`));
      }),
    ).toEqual([]);
  });

  it('electron/: infrastructure does not reach into features', () => {
    const infrastructure = ['cache', 'sync', 'platform', 'ipc', 'exports'];
    const features = ['dsar', 'processors', 'records', 'staff'];
    expect(
      violations(sources('electron'), (specifier, file) => {
        const to = target(file, specifier);
        return (
          infrastructure.some((f) => file.startsWith(`electron/${f}/`)) &&
          to !== null &&
          features.some((f) => to.startsWith(`electron/${f}/`))
        );
      }),
    ).toEqual([]);
  });

  it('finds imports at all (the scanner itself works)', () => {
    expect(imports('electron/main.ts')).toContain('electron');
    expect(sources('renderer').length).toBeGreaterThan(5);
    expect(target('renderer/dsar/RequestQueue.tsx', '../app/actions')).toBe('renderer/app/actions');
  });
});
