// Channel unit costs: effective-dated cost per contact and staff cost per hour for each channel; managers and admins set them.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { FeedbackLine, useChannelName, useFeedback } from './shared';

interface UnitCost { channel: string; effectiveFrom: string; unitCostMinor: number; staffCostPerHourMinor: number }
interface Costs { currency: string; costs: UnitCost[] }

const CHANNELS = ['email', 'webform', 'sms', 'phone', 'post', 'counter'];
const AMOUNT = /^\d{1,9}([.,]\d{1,2})?$/;

/** Today in the municipality's zone, as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
/** "12,5" → 1250 øre, from the digits themselves so no float rounding is involved. */
const toMinor = (amount: string) => {
  const [kroner, ore = ''] = amount.split(/[.,]/);
  return Number(kroner) * 100 + Number(ore.padEnd(2, '0'));
};

export function ChannelCostsAdmin() {
  const { t, language } = useT();
  const channelName = useChannelName();
  const [data, setData] = useState<Costs | null>(null);
  const [form, setForm] = useState({ channel: 'email', effectiveFrom: today(), unitCost: '', staffCost: '' });
  const { feedback, setFeedback, run } = useFeedback();
  const money = (minor: number) => new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { style: 'currency', currency: data?.currency ?? 'DKK' }).format(minor / 100);

  useEffect(() => {
    api.get<Costs>('/channel-costs').then(setData, () => undefined);
  }, []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!AMOUNT.test(form.unitCost.trim()) || !AMOUNT.test(form.staffCost.trim())) return setFeedback({ ok: false, text: t.amountInvalid });
    const cost = { channel: form.channel, effectiveFrom: form.effectiveFrom, unitCostMinor: toMinor(form.unitCost.trim()), staffCostPerHourMinor: toMinor(form.staffCost.trim()) };
    if (await run(async () => setData(await api.put<Costs>('/channel-costs', { costs: [cost] })))) setForm({ ...form, unitCost: '', staffCost: '' });
  };
  const field = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  const now = today();
  const costs = data?.costs ?? [];
  const current = (channel: string) => costs.filter((c) => c.channel === channel && c.effectiveFrom <= now).at(-1);
  const history = [...costs].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || a.channel.localeCompare(b.channel));
  const currency = data?.currency ?? 'DKK';

  return (
    <section className="card stack">
      <h2>{t.costsTab}</h2>
      <section aria-labelledby="admin-costs-current">
        <h3 id="admin-costs-current">{t.costsCurrent}</h3>
        <table>
          <thead><tr><th scope="col">{t.channel}</th><th scope="col">{t.unitCost(currency)}</th><th scope="col">{t.staffCostPerHour(currency)}</th><th scope="col">{t.effectiveFrom}</th></tr></thead>
          <tbody>
            {CHANNELS.map((c) => {
              const cost = current(c);
              return (
                <tr key={c} data-channel={c}>
                  <th scope="row">{channelName(c)}</th>
                  {cost ? <><td>{money(cost.unitCostMinor)}</td><td>{money(cost.staffCostPerHourMinor)}</td><td>{cost.effectiveFrom}</td></> : <td colSpan={3} className="muted">{t.notSet}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="admin-costs-add">
        <h3 id="admin-costs-add">{t.addCost}</h3>
        <form className="row wrap" onSubmit={add}>
          <label><span>{t.channel}</span>
            <select value={form.channel} onChange={field('channel')}>{CHANNELS.map((c) => <option key={c} value={c}>{channelName(c)}</option>)}</select>
          </label>
          <label><span>{t.effectiveFrom}</span><input type="date" required value={form.effectiveFrom} onChange={field('effectiveFrom')} /></label>
          <label><span>{t.unitCost(currency)}</span><input required inputMode="decimal" className="narrow" value={form.unitCost} onChange={field('unitCost')} /></label>
          <label><span>{t.staffCostPerHour(currency)}</span><input required inputMode="decimal" className="narrow" value={form.staffCost} onChange={field('staffCost')} /></label>
          <button type="submit">{t.addCost}</button>
          <FeedbackLine feedback={feedback} />
        </form>
        <p className="muted small">{t.costsHint}</p>
      </section>
      <section aria-labelledby="admin-costs-history">
        <h3 id="admin-costs-history">{t.history}</h3>
        {history.length === 0 ? <p className="muted">{t.none}</p> : (
          <table>
            <thead><tr><th scope="col">{t.effectiveFrom}</th><th scope="col">{t.channel}</th><th scope="col">{t.unitCost(currency)}</th><th scope="col">{t.staffCostPerHour(currency)}</th></tr></thead>
            <tbody>
              {history.map((c) => (
                <tr key={`${c.channel}-${c.effectiveFrom}`} className={c.effectiveFrom > now ? 'upcoming' : undefined}>
                  <td>{c.effectiveFrom}{c.effectiveFrom > now ? ` (${t.upcoming})` : ''}</td><td>{channelName(c.channel)}</td><td>{money(c.unitCostMinor)}</td><td>{money(c.staffCostPerHourMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
