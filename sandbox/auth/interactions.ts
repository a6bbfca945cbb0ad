/// <reference path="./oidc-provider.d.ts" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Role, Staff } from '../../shared/api/common';
import { OAUTH_PATH } from '../../shared/api/oauth';
import type { PlatformStore } from '../store/store';
import { type Credentials, PRIVILEGED_ROLES } from './credentials';

type Lang = 'de' | 'en';

const texts = {
  en: {
    title: 'Sign in to the learning platform',
    lead: 'Privacy Console asks to act for you on the platform\u2019s admin API.',
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    cancel: 'Cancel',
    codeTitle: 'Second factor',
    codeLead: 'Enter the six-digit code your authenticator app shows for the learning platform.',
    code: 'Code',
    confirm: 'Confirm',
    wrong: 'E-mail or password is not right.',
    wrongCode: 'The code is not right or was used already. Wait for the next one.',
    locked: 'Too many failed attempts. Try again in a few minutes.',
    needsFactor: 'Your role needs a second factor, and none is set up for your account. Ask IT to set one up.',
    expired: 'The sign-in took too long. Start it again from Privacy Console.',
    demo: 'Demo platform: its staff and their passwords',
    demoCode: 'Demo platform: the code an authenticator would show now is',
    useIt: 'Use it',
    signInAs: 'Sign in as',
    roles: { privacy_officer: 'privacy officer', security_lead: 'security lead', legal: 'legal', admin: 'administrator' },
    scopes: 'Access asked for',
  },
  de: {
    title: 'Bei der Lernplattform anmelden',
    lead: 'Privacy Console möchte für Sie auf die Admin-API der Plattform zugreifen.',
    email: 'E-Mail',
    password: 'Passwort',
    signIn: 'Anmelden',
    cancel: 'Abbrechen',
    codeTitle: 'Zweiter Faktor',
    codeLead: 'Geben Sie den sechsstelligen Code ein, den Ihre Authenticator-App für die Lernplattform zeigt.',
    code: 'Code',
    confirm: 'Bestätigen',
    wrong: 'E-Mail oder Passwort stimmt nicht.',
    wrongCode: 'Der Code stimmt nicht oder wurde schon verwendet. Warten Sie auf den nächsten.',
    locked: 'Zu viele Fehlversuche. Versuchen Sie es in einigen Minuten erneut.',
    needsFactor: 'Ihre Rolle erfordert einen zweiten Faktor, für Ihr Konto ist keiner eingerichtet. Bitten Sie die IT darum.',
    expired: 'Die Anmeldung hat zu lange gedauert. Starten Sie sie in Privacy Console neu.',
    demo: 'Demo-Plattform: ihr Personal und die Passwörter',
    demoCode: 'Demo-Plattform: Eine Authenticator-App zeigt jetzt den Code',
    useIt: 'Übernehmen',
    signInAs: 'Anmelden als',
    roles: { privacy_officer: 'Datenschutz', security_lead: 'IT-Sicherheit', legal: 'Recht', admin: 'Administration' },
    scopes: 'Angefragter Zugriff',
  },
} satisfies Record<Lang, unknown>;

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1a1b1e;margin:0}main{max-width:30rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #adb5bd;border-radius:4px}
button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem;border-radius:4px;border:1px solid #1c7ed6;background:#1c7ed6;color:#fff;cursor:pointer}button.secondary{background:#fff;color:#1c7ed6}
.error{color:#c92a2a;background:#fff5f5;padding:.5rem;border-radius:4px}.demo{margin-top:2rem;border-top:1px solid #dee2e6;padding-top:1rem;font-size:.9rem}.demo form{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin:.3rem 0}.demo button{margin:0;padding:.25rem .6rem;font-size:.85rem}code{font-size:1rem}
@media (prefers-color-scheme: dark){body{background:#1a1b1e;color:#e9ecef}main{background:#25262b}input{background:#1a1b1e;color:#e9ecef}}</style></head>
<body><main>${body}</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16_384) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res: ServerResponse, status: number, html: string) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:*; frame-ancestors 'none'",
  );
  res.end(html);
}

const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

/**
 * The platform's sign-in pages (oidc-provider leaves them to the platform): e-mail and password, then the
 * TOTP code for accounts that have a second factor; privileged roles must have one. Five failures lock an
 * account for five minutes. The demo platform lists its staff with their passwords and shows the current code.
 */
export function interactionRoutes(deps: { provider: Provider; credentials: Credentials; store: PlatformStore; demo: boolean }) {
  const { provider, credentials, store } = deps;
  /** Who gave the right password in which interaction, waiting for their code. */
  const awaitingCode = new Map<string, { staffId: string; at: number }>();
  const failures = new Map<string, { count: number; until: number }>();
  const staff = () => store.all<Staff>('staff').filter((s) => s.active);
  const privileged = (s: Staff) => s.roles.some((role) => PRIVILEGED_ROLES.includes(role));

  const locked = (staffId: string) => (failures.get(staffId)?.until ?? 0) > Date.now();
  const failed = (staffId: string) => {
    // Bounded: a flood of made-up addresses cannot fill the memory, nor lift a lock (only unlocked entries go).
    if (failures.size > 10_000) for (const [key, entry] of failures) if (entry.until <= Date.now()) failures.delete(key);
    const entry = failures.get(staffId) ?? { count: 0, until: 0 };
    entry.count++;
    if (entry.count >= MAX_FAILURES) {
      entry.until = Date.now() + LOCK_MS;
      entry.count = 0;
    }
    failures.set(staffId, entry);
  };

  const langOf = (req: IncomingMessage, params: Record<string, unknown>): Lang => {
    const asked = String(params.ui_locales ?? req.headers['accept-language'] ?? 'en');
    return asked.toLowerCase().startsWith('de') ? 'de' : 'en';
  };

  const loginPage = (uid: string, lang: Lang, scope: string, error?: string) => {
    const t = texts[lang];
    const asked = scope
      .split(' ')
      .filter((s) => s.includes(':'))
      .join(', ');
    const demo = deps.demo
      ? `<section class="demo" aria-label="${escapeHtml(t.demo)}"><h2>${escapeHtml(t.demo)}</h2>${staff()
          .map(
            (s) =>
              `<form method="post" action="${OAUTH_PATH}/interaction/${uid}/login"><span>${escapeHtml(s.name)} (${s.roles.map((r: Role) => t.roles[r]).join(', ')})<br><code>${escapeHtml(s.email)}</code> · <code>${escapeHtml(credentials.of(s.id)?.password ?? '')}</code></span><input type="hidden" name="email" value="${escapeHtml(s.email)}"><input type="hidden" name="password" value="${escapeHtml(credentials.of(s.id)?.password ?? '')}"><button type="submit">${escapeHtml(`${t.signInAs} ${s.name}`)}</button></form>`,
          )
          .join('')}</section>`
      : '';
    return page(
      lang,
      t.title,
      `<h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.lead)}</p>${asked ? `<p><small>${escapeHtml(t.scopes)}: ${escapeHtml(asked)}</small></p>` : ''}${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${OAUTH_PATH}/interaction/${uid}/login"><label for="email">${escapeHtml(t.email)}</label><input id="email" name="email" type="email" autocomplete="username" required autofocus>
<label for="password">${escapeHtml(t.password)}</label><input id="password" name="password" type="password" autocomplete="current-password" required><button type="submit">${escapeHtml(t.signIn)}</button></form>
<form method="post" action="${OAUTH_PATH}/interaction/${uid}/abort"><button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></form>${demo}`,
    );
  };

  const codePage = async (uid: string, lang: Lang, staffId: string, error?: string) => {
    const t = texts[lang];
    const code = deps.demo ? await credentials.usableCode(staffId) : null;
    return page(
      lang,
      t.codeTitle,
      `<h1>${escapeHtml(t.codeTitle)}</h1><p>${escapeHtml(t.codeLead)}</p>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${OAUTH_PATH}/interaction/${uid}/code"><label for="code">${escapeHtml(t.code)}</label><input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code" required autofocus><button type="submit">${escapeHtml(t.confirm)}</button></form>
<form method="post" action="${OAUTH_PATH}/interaction/${uid}/abort"><button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></form>
${code ? `<section class="demo"><form method="post" action="${OAUTH_PATH}/interaction/${uid}/code"><span>${escapeHtml(t.demoCode)} <code>${code}</code></span><input type="hidden" name="code" value="${code}"><button type="submit">${escapeHtml(t.useIt)}</button></form></section>` : ''}`,
    );
  };

  const finish = (req: IncomingMessage, res: ServerResponse, staffId: string, amr: string[]) =>
    provider.interactionFinished(
      req,
      res,
      { login: { accountId: staffId, amr, acr: amr.includes('otp') ? 'mfa' : 'pwd', remember: false, ts: Math.floor(Date.now() / 1000) } },
      { mergeWithLastSubmission: false },
    );

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const match = new RegExp(`^${OAUTH_PATH}/interaction/([\\w-]+)(?:/(login|code|abort))?$`).exec((req.url ?? '').split('?')[0]);
    if (!match) return false;
    const [, uid, action] = match;
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      send(res, 400, page('en', texts.en.expired, `<h1>${escapeHtml(texts.en.expired)}</h1><p>${escapeHtml(texts.de.expired)}</p>`));
      return true;
    }
    if (details.uid !== uid) {
      send(res, 400, page('en', texts.en.expired, `<h1>${escapeHtml(texts.en.expired)}</h1>`));
      return true;
    }
    const lang = langOf(req, details.params);
    const t = texts[lang];
    const scope = String(details.params.scope ?? '');
    if (req.method === 'GET' && !action) {
      const waiting = awaitingCode.get(uid);
      send(res, 200, waiting ? await codePage(uid, lang, waiting.staffId) : loginPage(uid, lang, scope));
      return true;
    }
    if (req.method !== 'POST' || !action) {
      send(res, 405, page(lang, t.title, '<h1>405</h1>'));
      return true;
    }
    const form = await readForm(req);
    if (action === 'abort') {
      awaitingCode.delete(uid);
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    if (action === 'login') {
      const email = (form.get('email') ?? '').trim().toLowerCase();
      const who = staff().find((s) => s.email.toLowerCase() === email);
      // Failures count per e-mail, known or not, and the password is hashed either way: neither the answer nor
      // its timing tells whether an account exists.
      const key = who?.id ?? `email:${email}`;
      if (locked(key)) {
        send(res, 429, loginPage(uid, lang, scope, t.locked));
        return true;
      }
      const passwordRight = await credentials.checkPassword(who?.id ?? '', form.get('password') ?? '');
      if (!who || !passwordRight) {
        failed(key);
        send(res, 401, loginPage(uid, lang, scope, t.wrong));
        return true;
      }
      if (credentials.hasSecondFactor(who.id)) {
        awaitingCode.set(uid, { staffId: who.id, at: Date.now() });
        send(res, 200, await codePage(uid, lang, who.id));
        return true;
      }
      if (privileged(who)) {
        send(res, 403, loginPage(uid, lang, scope, t.needsFactor));
        return true;
      }
      await finish(req, res, who.id, ['pwd']);
      return true;
    }
    // action === 'code'
    const waiting = awaitingCode.get(uid);
    if (!waiting || Date.now() - waiting.at > 5 * 60_000) {
      awaitingCode.delete(uid);
      send(res, 400, loginPage(uid, lang, scope, t.expired));
      return true;
    }
    if (locked(waiting.staffId)) {
      send(res, 429, await codePage(uid, lang, waiting.staffId, t.locked));
      return true;
    }
    if (!(await credentials.checkCode(waiting.staffId, (form.get('code') ?? '').trim()))) {
      failed(waiting.staffId);
      send(res, 401, await codePage(uid, lang, waiting.staffId, t.wrongCode));
      return true;
    }
    awaitingCode.delete(uid);
    await finish(req, res, waiting.staffId, ['pwd', 'otp']);
    return true;
  };
}
