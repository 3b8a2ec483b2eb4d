/**
 * The playground page's Content-Security-Policy (meta tag and HTTP header): scripts and data only
 * from its own origin, no eval, no plug-ins, no frames. Styles allow inline rules because Fluent UI
 * (Griffel) inserts its atomic CSS at run time.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join("; ");
