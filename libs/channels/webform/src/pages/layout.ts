import type { Language } from '@kontakt/core';
import { text } from '../texts';
import { escape } from './html';

const STYLE = `
  :root { color-scheme: light; --ink: #1b1b1b; --muted: #505a5f; --accent: #005ea5; --error: #b10e1e; --line: #b1b4b6; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.1875rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
  .skip { position: absolute; left: -10000px; } .skip:focus { left: 1rem; top: 1rem; background: #ffdd00; padding: .5rem; }
  header { background: #0b0c0c; color: #fff; padding: .75rem 1rem; display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
  header a { color: #fff; }
  main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
  h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; }
  .hint { color: var(--muted); margin: 0 0 .35rem; font-size: 1rem; }
  .field { margin: 0 0 1.5rem; }
  .field.invalid { border-left: 5px solid var(--error); padding-left: .75rem; }
  label, legend { display: block; font-weight: 700; margin-bottom: .25rem; }
  fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; }
  input[type=text], input[type=email], input[type=tel], select, textarea { width: 100%; font: inherit; padding: .45rem; border: 2px solid var(--ink); border-radius: 0; }
  input:focus, select:focus, textarea:focus, button:focus, a:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px var(--ink); }
  textarea { min-height: 10rem; }
  .error-message { color: var(--error); font-weight: 700; display: block; margin-bottom: .25rem; }
  .error-summary { border: 5px solid var(--error); padding: 1rem; margin-bottom: 2rem; }
  .error-summary a { color: var(--error); font-weight: 700; }
  button { font: inherit; font-weight: 700; background: #00703c; color: #fff; border: 0; padding: .6rem 1.2rem; box-shadow: 0 2px 0 #002d18; cursor: pointer; }
  .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  .panel { background: #00703c; color: #fff; padding: 1.5rem; text-align: center; margin-bottom: 1.5rem; }
  .panel strong { display: block; font-size: 2rem; }
  .notice { border-left: 10px solid var(--accent); padding: .5rem 1rem; background: #f3f2f1; }
  .status-link { word-break: break-all; }
  ol.messages { list-style: none; padding: 0; }
  ol.messages li { border: 1px solid var(--line); padding: .75rem 1rem; margin-bottom: 1rem; }
  ol.messages li.outbound { border-left: 6px solid var(--accent); }
  .meta { color: var(--muted); font-size: 1rem; margin: 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 700; } dd { margin: 0; }
`;

export interface PageOptions {
  language: Language;
  title: string;
  /** the same page in the other language */
  switchHref: string;
  body: string;
}

/** The shell of every public page: language, landmarks, skip link and the language switch. */
export function layout({ language, title, switchHref, body }: PageOptions): string {
  const other = language === 'da' ? 'en' : 'da';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)} – ${escape(text(language, 'siteName'))}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">${escape(text(language, 'skipToContent'))}</a>
<header>
  <span>${escape(text(language, 'siteName'))}</span>
  <a href="${escape(switchHref)}" lang="${other}" hreflang="${other}">${escape(text(language, 'switchLanguage'))}</a>
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`;
}

export const withLanguage = (path: string, language: Language): string => `${path}${path.includes('?') ? '&' : '?'}lang=${language}`;
