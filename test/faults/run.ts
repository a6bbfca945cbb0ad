import { parseArgs } from 'node:util';
import { type FaultFamily, runFaultSuite, summary } from './suite';

// npm run test:faults [-- --seeds 50 --families kill,network,storage]: exits 1 when anything was lost,
// duplicated or left diverged.
const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '50' }, 'first-seed': { type: 'string', default: '1' }, families: { type: 'string' } },
});
const started = Date.now();
const counts = await runFaultSuite({
  seeds: Number(values.seeds),
  firstSeed: Number(values['first-seed']),
  families: values.families?.split(',') as FaultFamily[] | undefined,
});
for (const problem of counts.problems) console.log(`  ${problem}`);
console.log(`${summary(counts)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(counts.lost || counts.duplicated || counts.diverged || counts.problems.length ? 1 : 0);
