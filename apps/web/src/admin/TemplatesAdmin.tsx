// Reply templates: supervisors and admins write them in Danish and English with placeholders the
// composer fills in from the case; agents pick them in the composer.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { loadTemplates, ReplyTemplate } from '../case/templates';

interface Draft { nameDa: string; nameEn: string; bodyDa: string; bodyEn: string; position: string }

const EMPTY: Draft = { nameDa: '', nameEn: '', bodyDa: '', bodyEn: '', position: '0' };
const toDraft = (x: ReplyTemplate): Draft => ({ nameDa: x.name.da, nameEn: x.name.en, bodyDa: x.body.da, bodyEn: x.body.en, position: String(x.position) });

function TemplateForm({ initial, submitLabel, onSubmit, onCancel }: { initial: Draft; submitLabel: string; onSubmit(draft: Draft): Promise<void>; onCancel?(): void }) {
  const { t } = useT();
  const [draft, setDraft] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (name: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onSubmit(draft);
      setMessage({ ok: true, text: t.saved });
      if (!onCancel) setDraft(EMPTY);
    } catch (e) {
      setMessage({ ok: false, text: `${t.error}: ${(e as Error).message}` });
    }
  };

  return (
    <form className="template-form" onSubmit={submit}>
      <div className="row wrap">
        <label><span>{t.templateNameDa}</span><input required maxLength={120} value={draft.nameDa} onChange={field('nameDa')} /></label>
        <label><span>{t.templateNameEn}</span><input required maxLength={120} value={draft.nameEn} onChange={field('nameEn')} /></label>
        <label><span>{t.position}</span><input type="number" min={0} max={10000} value={draft.position} onChange={field('position')} /></label>
      </div>
      <label><span>{t.templateBodyDa}</span><textarea required rows={5} value={draft.bodyDa} onChange={field('bodyDa')} /></label>
      <label><span>{t.templateBodyEn}</span><textarea required rows={5} value={draft.bodyEn} onChange={field('bodyEn')} /></label>
      <div className="row">
        <button type="submit">{submitLabel}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t.cancel}</button>}
        {message && <span role="status" className={message.ok ? 'ok' : 'error'}>{message.text}</span>}
      </div>
    </form>
  );
}

export function TemplatesAdmin() {
  const { t, language } = useT();
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = () => loadTemplates().then((all) => setTemplates(all.items), (e: Error) => setMessage({ ok: false, text: `${t.error}: ${e.message}` }));
  useEffect(() => {
    void load();
  }, []);

  const body = (d: Draft) => ({ nameDa: d.nameDa, nameEn: d.nameEn, bodyDa: d.bodyDa, bodyEn: d.bodyEn, position: Number(d.position) || 0 });
  const create = async (d: Draft) => {
    await api.post('/reply-templates', body(d));
    await load();
  };
  const update = (id: string) => async (d: Draft) => {
    await api.put(`/reply-templates/${id}`, body(d));
    setEditing(null);
    await load();
  };
  const remove = async (id: string) => {
    try {
      await api.delete(`/reply-templates/${id}`);
      setMessage({ ok: true, text: t.deleted });
      await load();
    } catch (e) {
      setMessage({ ok: false, text: `${t.error}: ${(e as Error).message}` });
    }
  };

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t.templates}</h2>
      <p className="muted small">
        {t.templatesHelp}{' '}
        {Object.entries(t.placeholderMeanings).map(([name, meaning], i) => <span key={name}>{i > 0 && ', '}<code>{`{${name}}`}</code> {meaning}</span>)}
      </p>
      <table>
        <thead><tr><th scope="col">{t.templateNameDa}</th><th scope="col">{t.templateNameEn}</th><th scope="col">{t.position}</th><th scope="col"><span className="visually-hidden">{t.edit}</span></th></tr></thead>
        <tbody>
          {templates.map((x) => (editing === x.id ? (
            <tr key={x.id} data-template={x.name.da}>
              <td colSpan={4}><TemplateForm initial={toDraft(x)} submitLabel={t.save} onSubmit={update(x.id)} onCancel={() => setEditing(null)} /></td>
            </tr>
          ) : (
            <tr key={x.id} data-template={x.name.da}>
              <th scope="row">{x.name.da}</th>
              <td>{x.name.en}</td>
              <td>{x.position}</td>
              <td>
                <button type="button" className="secondary" aria-label={`${t.edit}: ${x.name[language]}`} onClick={() => setEditing(x.id)}>{t.edit}</button>{' '}
                <button type="button" className="quiet" aria-label={`${t.deleteTemplate}: ${x.name[language]}`} onClick={() => void remove(x.id)}>{t.deleteTemplate}</button>
              </td>
            </tr>
          )))}
        </tbody>
      </table>
      {message && <p role="status" className={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      <h3>{t.newTemplate}</h3>
      <TemplateForm initial={EMPTY} submitLabel={t.createTemplate} onSubmit={create} />
    </section>
  );
}
