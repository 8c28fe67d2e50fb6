/**
 * The renderer's Content-Security-Policy, the one string both places that state it use: the page's
 * `<meta http-equiv="Content-Security-Policy">` (renderer/index.html, static HTML; a unit test keeps
 * it identical to this) and the header of every `esp-sim://` response the desktop shell serves
 * (electron/desktop/main/security.ts). Nothing may run but the app's own scripts and styles; no
 * inline code, no eval, no remote origin. (`frame-ancestors` is ignored in a meta tag, so it is
 * not part of the shared policy; the browser preview adds it to its own header.)
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
