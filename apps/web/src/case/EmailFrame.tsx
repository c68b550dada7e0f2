// An email's HTML (already sanitised by the server) in a sandboxed frame: no scripts, no same-origin
// access, nothing loaded from outside until the staff member asks to see the images.
import { useState } from 'react';
import { useT } from '../i18n';

const policy = (images: boolean) =>
  `default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:${images ? ' https: http:' : ''}; font-src 'none'; form-action 'none'`;

const hasRemoteImages = (html: string) => /<img[^>]+src\s*=\s*["']?\s*https?:/i.test(html) || /url\(\s*["']?https?:/i.test(html);

export function EmailFrame({ html, title }: { html: string; title: string }) {
  const { t } = useT();
  const [images, setImages] = useState(false);
  const document = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy(images)}"><base target="_blank"><style>body{font:15px/1.5 system-ui,sans-serif;color:#1d2733;margin:8px}img{max-width:100%}</style></head><body>${html}</body></html>`;
  return (
    <div className="email-frame">
      {!images && hasRemoteImages(html) && (
        <p className="muted small">
          {t.imagesBlocked} <button type="button" className="link" onClick={() => setImages(true)}>{t.showImages}</button>
        </p>
      )}
      <iframe key={String(images)} sandbox="" srcDoc={document} title={`${t.emailContent}: ${title}`} referrerPolicy="no-referrer" />
    </div>
  );
}
