import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** The sandbox platform as its own process (`npm run sandbox`), so a test can take it down and bring it back. */
export async function spawnPlatform(dbPath: string, requests = 150) {
  const token = `pct_${randomBytes(16).toString('hex')}`;
  let port = 0;
  let child: ChildProcess | null = null;
  let printed = '';

  const start = async () => {
    const args = [
      '--import',
      'tsx',
      join(root, 'sandbox/cli.ts'),
      '--db',
      dbPath,
      '--port',
      String(port),
      '--token',
      token,
      '--scale',
      String(requests),
      '--quiet',
      '--job-step-ms',
      '150',
      '--publish-check-ms',
      '500',
    ];
    child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        printed = output;
        const match = /SANDBOX_URL=(\S+)/.exec(output);
        if (match) resolve(match[1]);
      };
      child?.stdout?.on('data', onData);
      child?.stderr?.on('data', onData);
      child?.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)));
    });
    port = Number(new URL(url).port);
    return url;
  };

  const url = await start();
  return {
    url,
    token,
    /** A staff member's password and TOTP secret as the sandbox printed them, by e-mail. */
    credentialsOf(email: string): { password: string; totpSecret: string } {
      const match = new RegExp(`sign-in ${email.replace(/\./g, '\\.')} password (\\S+) totp (\\S+)`).exec(printed);
      if (!match) throw new Error(`no credentials for ${email}`);
      return { password: match[1], totpSecret: match[2] };
    },
    /** Each staff member's token as the sandbox printed it, by staff name. */
    tokenOf(name: string): string {
      const match = new RegExp(`token [a-z_,]+ ${name}: (\\S+)`).exec(printed);
      if (!match) throw new Error(`no token for ${name}`);
      return match[1];
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    start,
    /** Reads an entity as the platform has it. */
    async get(path: string) {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return response.json();
    },
  };
}
