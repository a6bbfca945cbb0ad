import { expect, it } from 'vitest';
import { runFaultSuite, summary } from '../faults/suite';

// The short form of the fault suite (`npm run test:faults` runs 50 seeds, `npm run bench` 100): every family
// once or twice, so a change that loses or doubles a write fails `npm test` already.
it('nothing is lost or duplicated through kills, network faults and storage faults', async () => {
  const counts = await runFaultSuite({ seeds: 2, firstSeed: 1000 + (Date.now() % 1000) });
  console.log(summary(counts));
  expect(counts.problems).toEqual([]);
  expect(counts).toMatchObject({ lost: 0, duplicated: 0, diverged: 0 });
  expect(counts.runs).toBe(6);
  expect(counts.faults).toBeGreaterThan(10);
  expect(counts.writesChecked).toBeGreaterThan(100);
}, 240_000);
