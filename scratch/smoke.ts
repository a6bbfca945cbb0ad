import { startSandbox } from '../sandbox/server';
import { discoverAuthorization, platformAddress } from '../electron/auth/discovery';
import { beginSignIn } from '../electron/auth/sign-in';
import { formBrowser } from '../test/support/browser';
const sb = await startSandbox({ dbPath: ':memory:', requests: 20, learners: 100, demo: true });
try {
  const auth = await discoverAuthorization(platformAddress(sb.url));
  console.log('issuer', auth.config.serverMetadata().issuer);
  const pending = await beginSignIn(auth, { language: 'en' });
  console.log(pending.url);
  const b = formBrowser();
  const login = await b.go(pending.url);
  console.log(login.status, login.url, login.text.slice(0, 200));
  const cred = sb.credentials.of('stf_vogel')!;
  const codePage = await b.go(b.action(login, '/login'), { method: 'POST', form: { email: 'k.vogel@lernwerk-akademie.de', password: cred.password } });
  console.log(codePage.status, codePage.text.slice(0, 300));
  const code = await sb.credentials.usableCode('stf_vogel');
  const back = await b.go(b.action(codePage, '/code'), { method: 'POST', form: { code: code! } });
  console.log(back.status, back.url, back.text.slice(0, 200));
  const tokens = await pending.tokens;
  console.log(tokens);
  const me = await fetch(`${sb.url}/v1/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
  console.log(me.status, (await me.text()).slice(0, 300));
} finally { await sb.close(); }
