/**
 * What a browser does on the platform's sign-in pages, without a browser: keeps cookies, follows redirects and
 * posts forms. Used by tests of the OAuth flow; the Playwright tests drive the same pages in Chromium.
 */
export function formBrowser() {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  /** Requests `url`, following redirects; answers the last response's address, status and body. */
  async function go(url: string, init: { method?: string; form?: Record<string, string>; stopAt?: string } = {}) {
    let next = url;
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hops = 0; hops < 20; hops++) {
      const response = await fetch(next, {
        method,
        redirect: 'manual',
        headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
      });
      remember(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = new URL(location, next).href;
        // A redirect the test wants to see rather than follow (the code on its way to a redirect URI).
        if (init.stopAt && next.startsWith(init.stopAt)) return { url: next, status: response.status, text: '' };
        method = 'GET';
        body = undefined;
        continue;
      }
      const text = await response.text();
      // A page that submits itself (oidc-provider's form_post: ending the previous person's session first), as a
      // browser runs its script.
      if (/document\.forms\[0\]\.submit\(\)/.test(text)) {
        const action = /<form method="post" action="([^"]+)"/.exec(text)?.[1];
        if (action) {
          const fields = Object.fromEntries(
            [...text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
          );
          next = new URL(action, next).href;
          method = 'POST';
          body = new URLSearchParams(fields).toString();
          continue;
        }
      }
      return { url: next, status: response.status, text };
    }
    throw new Error('too many redirects');
  }

  return {
    go,
    /** The action of the first form whose action ends with `suffix`, absolute. */
    action(page: { url: string; text: string }, suffix: string): string {
      const found = [...page.text.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1]).find((a) => a.endsWith(suffix));
      if (!found) throw new Error(`no form ending in ${suffix} on ${page.url}:\n${page.text.slice(0, 500)}`);
      return new URL(found, page.url).href;
    },
  };
}
