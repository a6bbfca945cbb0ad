/**
 * The renderer's Content-Security-Policy, one for every way it is loaded: as a header by the desktop shell and
 * the headless shell, and as the page's meta element (which is what applies to a file:// page). Mantine sets
 * element styles at run time, hence 'unsafe-inline' for styles only; no inline or eval'd script, ever.
 */
export function contentSecurityPolicy(options: { connect?: readonly string[]; meta?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...(options.connect ?? [])].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    // Not allowed in a meta element (browsers ignore it there and say so).
    ...(options.meta ? [] : ["frame-ancestors 'none'"]),
    "form-action 'none'",
  ].join('; ');
}
