// Recording or correcting the citizen's postal address (and the name a letter shows) from the case,
// so a citizen known only by phone or email can be answered by letter. The server checks and
// normalises the address as it does a letter's; its message is shown when it refuses.
import { FormEvent, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

export function CitizenAddress({ citizenId, name, onSaved }: { citizenId: string; name: string | null; onSaved(): void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ name: name ?? '', street: '', extra: '', postcode: '', city: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (key: keyof typeof fields) => ({ value: fields[key], onChange: (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value }) });

  if (!open) {
    return (
      <>
        <button type="button" className="quiet small" onClick={() => setOpen(true)}>{t.editAddress}</button>
        {message && <p role="status" className="ok">{message.text}</p>}
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const street = [fields.street, fields.extra].map((line) => line.trim()).filter(Boolean);
      await api.put(`/citizens/${citizenId}/address`, { ...(fields.name.trim() ? { name: fields.name.trim() } : {}), street, postcode: fields.postcode.trim(), city: fields.city.trim() });
      setMessage({ ok: true, text: t.addressSaved });
      setOpen(false);
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: `${t.error}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="address-form" onSubmit={submit} aria-labelledby="address-title">
      <h3 id="address-title">{t.addressTitle}</h3>
      <label><span>{t.addressName}</span><input maxLength={100} {...field('name')} /></label>
      <label><span>{t.addressStreet}</span><input required maxLength={100} {...field('street')} /></label>
      <label><span>{t.addressExtra}</span><input maxLength={100} {...field('extra')} /></label>
      <div className="row wrap">
        <label className="inline"><span>{t.addressPostcode}</span><input required inputMode="numeric" pattern="\d{4}" size={4} {...field('postcode')} /></label>
        <label className="inline"><span>{t.addressCity}</span><input required maxLength={60} {...field('city')} /></label>
      </div>
      <div className="row">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" className="quiet" onClick={() => setOpen(false)}>{t.cancel}</button>
        {message && <span role="status" className={message.ok ? 'ok' : 'error'}>{message.text}</span>}
      </div>
    </form>
  );
}
