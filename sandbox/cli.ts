import { parseArgs } from 'node:util';
import { demoStaff } from './seed/staff';
import { startSandbox } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: ':memory:' },
    scale: { type: 'string' },
    /** Learner accounts (default 40000; e.g. 1000000 to try campaigns at a large provider's size). */
    accounts: { type: 'string' },
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'emit-every': { type: 'string' },
    'job-step-ms': { type: 'string' },
    /** How often the platform looks for policy versions due for publishing (default 5000). */
    'publish-check-ms': { type: 'string' },
  },
});

const requests = values.scale === undefined ? undefined : Number(values.scale);
if (requests !== undefined && (!Number.isInteger(requests) || requests < 0 || requests > 5_000_000)) {
  console.error('--scale takes a whole number of requests from 0 to 5000000');
  process.exit(2);
}
const learners = values.accounts === undefined ? undefined : Number(values.accounts);
if (learners !== undefined && (!Number.isInteger(learners) || learners < 0 || learners > 5_000_000)) {
  console.error('--accounts takes a whole number of learner accounts from 0 to 5000000');
  process.exit(2);
}
const seconds = values['emit-every'] === undefined ? undefined : Number(values['emit-every']);
if (seconds !== undefined && !(seconds > 0)) {
  console.error('--emit-every takes the seconds between new requests, e.g. 60');
  process.exit(2);
}
const started = Date.now();
const sandbox = await startSandbox({
  dbPath: values.db,
  requests,
  learners,
  onSeedProgress: (done, total) => {
    if (total >= 200_000 && (done % 100_000 === 0 || done === total)) console.error(`learner accounts seeded: ${done} of ${total}`);
  },
  port: Number(values.port),
  token: values.token,
  logger: !values.quiet,
  emitEveryMs: seconds === undefined ? undefined : seconds * 1000,
  jobStepMs: values['job-step-ms'] === undefined ? undefined : Number(values['job-step-ms']),
  publishCheckMs: values['publish-check-ms'] === undefined ? undefined : Number(values['publish-check-ms']),
});
console.log(`Sandbox platform ready in ${Date.now() - started} ms: ${sandbox.url}`);
console.log(`SANDBOX_TOKEN=${sandbox.defaultToken}   (${demoStaff[0].name}, privacy officer)`);
for (const staff of demoStaff.slice(1).filter((s) => s.active))
  console.log(`  token ${staff.roles.join(',')} ${staff.name}: ${sandbox.tokens[staff.id]}`);
// People sign in at the platform's sign-in page (Privacy Console opens it): e-mail, password, then the TOTP code
// (an authenticator app takes the secret).
console.log(`Sign-in (authorization server ${sandbox.issuer}):`);
for (const staff of demoStaff.filter((s) => s.active)) {
  const credentials = sandbox.credentials.of(staff.id);
  console.log(`  sign-in ${staff.email} password ${credentials?.password} totp ${credentials?.totpSecret ?? '-'}`);
}
// Last, in one write: a script that waits for the address has every token by then.
console.log(`SANDBOX_URL=${sandbox.url}`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
