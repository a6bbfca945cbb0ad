import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformStore } from '../../../sandbox/store/store';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  dir?.remove();
  dir = null;
});

const account = (id: string, name: string, email: string) => ({ id, name, email, createdAt: '2025-01-01T00:00:00Z' });

describe('sandbox platform store', () => {
  it('finds accounts by any part of name or e-mail, umlauts and capitals included', () => {
    const store = new PlatformStore(':memory:');
    store.putAccount(account('usr_1', 'Ömer Özdemir', 'oe.oezdemir@web.de'));
    store.putAccount(account('usr_2', 'Clara Müller', 'claramueller52@web.de'));
    store.putAccount(account('usr_3', 'Anna 100%_Test', 'anna@example.org'));
    const ids = (q: string) => store.searchAccounts<{ id: string }>(q).map((a) => a.id);
    expect(ids('özdemir')).toEqual(['usr_1']);
    expect(ids('MÜLLER')).toEqual(['usr_2']);
    expect(ids('web.de')).toEqual(['usr_2', 'usr_1']);
    // LIKE wildcards in the input are text.
    expect(ids('100%_')).toEqual(['usr_3']);
    expect(ids('%')).toEqual(['usr_3']);
    store.close();
  });

  it('a store written by an older sandbox is emptied under a new epoch, so consoles re-bootstrap', () => {
    dir = tempDir();
    const path = `${dir.path}/platform.sqlite`;
    const old = new PlatformStore(path);
    old.transaction(() => old.put('staff', { id: 'stf_1', version: 1 }));
    const epoch = old.epoch;
    old.db.prepare("UPDATE meta SET value = '1' WHERE key = 'data_version'").run();
    old.close();

    const upgraded = new PlatformStore(path);
    expect(upgraded.count('staff')).toBe(0);
    expect(upgraded.epoch).not.toBe(epoch);
    upgraded.close();
    const again = new PlatformStore(path);
    expect(again.epoch).toBe(upgraded.epoch);
    again.close();
  });
});

describe('the demo platform store on disk', () => {
  const key = 'ab'.repeat(32);
  const readable = (path: string) => {
    const bytes = readFileSync(path);
    return bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' || bytes.includes(Buffer.from('Jürgen Weiß'));
  };

  it('is encrypted with its key: no name readable on disk, nothing opened without the key', () => {
    dir = tempDir();
    const path = join(dir.path, 'demo-platform.sqlite');
    const store = new PlatformStore(path, { key });
    store.putAccount(account('usr_1', 'Jürgen Weiß', 'j.weiss@web.de'));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    expect(readable(path)).toBe(false);
    expect(() => new PlatformStore(path)).toThrow();
    const reopened = new PlatformStore(path, { key });
    expect(reopened.searchAccounts<{ id: string }>('weiß').map((a) => a.id)).toEqual(['usr_1']);
    reopened.close();
  });

  it('encrypts a plaintext store of an older demo in place, keeping its data', () => {
    dir = tempDir();
    const path = join(dir.path, 'demo-platform.sqlite');
    const plain = new PlatformStore(path);
    plain.putAccount(account('usr_1', 'Jürgen Weiß', 'j.weiss@web.de'));
    const epoch = plain.epoch;
    plain.close();
    expect(readable(path)).toBe(true);
    const store = new PlatformStore(path, { key });
    expect(store.epoch).toBe(epoch);
    expect(store.searchAccounts<{ id: string }>('weiß').map((a) => a.id)).toEqual(['usr_1']);
    store.close();
    expect(readable(path)).toBe(false);
  });
});
