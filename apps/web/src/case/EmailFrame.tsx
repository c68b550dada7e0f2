// An email's HTML (sanitised by the email channel at intake, which already drops remote images and
// scripts) in a sandboxed frame as a second wall: no scripts, no same-origin access, and a policy that
// lets nothing load from outside, so a sanitiser gap still cannot run code or call home.
import { useT } from '../i18n';

const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; form-action 'none'";

export function EmailFrame({ html, title }: { html: string; title: string }) {
  const { t } = useT();
  const document = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><base target="_blank"><style>body{font:15px/1.5 system-ui,sans-serif;color:#1d2733;margin:8px}img{max-width:100%}</style></head><body>${html}</body></html>`;
  return (
    <div className="email-frame">
      <iframe sandbox="" srcDoc={document} title={`${t.emailContent}: ${title}`} referrerPolicy="no-referrer" />
    </div>
  );
}
