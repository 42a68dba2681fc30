/**
 * A URL as the gateway may show it, in a log line or an answer: its password (`redis://:pw@host`)
 * replaced by `***`. Anything that does not parse as a URL is not shown at all, since it could be
 * a credential mistyped.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(a URL that does not parse)';
  }
  if (parsed.password) parsed.password = '***';
  return parsed.href.replace(/\/$/, url.endsWith('/') ? '/' : '');
}
