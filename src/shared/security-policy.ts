/**
 * The site's Content Security Policy, defined once: the build puts it in every HTML page (meta tag) and
 * in `_headers` for static hosts, and the preview server sends it. Nothing inline runs: scripts and
 * styles come only from the site's own files, and article text can never become markup that loads.
 */

const DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** Directives a browser ignores in a meta tag; they go in the HTTP header only. */
const HEADER_ONLY: Readonly<Record<string, string>> = {
  'frame-ancestors': "'none'",
};

function serialise(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** For `<meta http-equiv="Content-Security-Policy">`. */
export const CSP_META = serialise(DIRECTIVES);

/** For the `Content-Security-Policy` HTTP header. */
export const CSP_HEADER = serialise({ ...DIRECTIVES, ...HEADER_ONLY });

/** Every response header the site asks a static host to send. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
