import type { Sandbox } from '../../sandbox/server';
import { formBrowser } from './browser';

/**
 * A person signing in on the platform's pages as the browser would: e-mail and password, then the code their
 * authenticator shows. Answers the last page (the loopback's "signed in", or the page that refused).
 */
export async function signInAs(
  sandbox: Sandbox,
  url: string,
  staffId: string,
  options: { code?: string; password?: string; browser?: ReturnType<typeof formBrowser>; stopAt?: string } = {},
) {
  const browser = options.browser ?? formBrowser();
  const login = await browser.go(url);
  const staff = sandbox.store.get<{ email: string }>('staff', staffId);
  if (!staff) throw new Error(`no staff ${staffId}`);
  const password = options.password ?? sandbox.credentials.of(staffId)?.password ?? '';
  const second = await browser.go(browser.action(login, '/login'), { method: 'POST', form: { email: staff.email, password } });
  if (!second.text.includes('/code"')) return second;
  const code = options.code ?? (await sandbox.credentials.usableCode(staffId)) ?? '';
  return browser.go(browser.action(second, '/code'), { method: 'POST', form: { code }, stopAt: options.stopAt });
}
