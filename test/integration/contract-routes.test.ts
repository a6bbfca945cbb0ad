import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allOperations } from '../../shared/api/paths';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;
beforeAll(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 5);
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

describe('the reference platform and the contract', () => {
  it('serve exactly the same operations: none missing, none extra', () => {
    const contract = Object.values(allOperations())
      .map((op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`)
      .sort();
    const served = platform.sandbox.routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(served).toEqual(contract);
  });
});
