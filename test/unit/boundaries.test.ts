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

  it('finds imports at all (the scanner itself works)', () => {
    expect(imports('electron/main.ts')).toContain('electron');
    expect(sources('renderer').length).toBeGreaterThan(5);
  });
});
