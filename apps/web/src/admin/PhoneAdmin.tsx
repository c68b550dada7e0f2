// Phone: the Twilio account (the auth token is write-only), its numbers, the keypad menu, and where each agent's calls ring.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { formatTime, useT } from '../i18n';
import { PhoneNumbers } from './PhoneNumbersAdmin';
import { FeedbackLine, StaffUser, TopicRow, useFeedback } from './shared';

interface Account { configured: boolean; accountSid?: string; phoneNumber?: string | null; seededFromEnv?: boolean; updatedAt?: string }
interface MenuItem { digit: number; topic: string }
interface Endpoint { userId: string; name: string; endpoint: string }

const DIGITS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

function AccountForm() {
  const { t, language } = useT();
  const [account, setAccount] = useState<Account | null>(null);
  const [form, setForm] = useState({ accountSid: '', authToken: '', phoneNumber: '' });
  const { feedback, run } = useFeedback();

  useEffect(() => {
    api.get<Account>('/phone/account').then((found) => {
      setAccount(found);
      setForm({ accountSid: found.accountSid ?? '', authToken: '', phoneNumber: found.phoneNumber ?? '' });
    }, () => undefined);
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = { accountSid: form.accountSid.trim(), authToken: form.authToken.trim(), ...(form.phoneNumber.trim() ? { phoneNumber: form.phoneNumber.trim() } : {}) };
    await run(async () => {
      const saved = await api.put<Account>('/phone/account', body);
      setForm((current) => ({ ...current, authToken: '' }));
      setAccount(saved);
    });
  };
  const field = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  return (
    <section aria-labelledby="admin-phone-account">
      <h3 id="admin-phone-account">{t.phoneAccount}</h3>
      {account && (
        <p data-testid="twilio-status">
          <strong>{account.configured ? t.configured : t.notConfigured}</strong>
          {account.configured && <> · {account.accountSid} · {account.phoneNumber ?? t.none} · {t.updated} {account.updatedAt ? formatTime(account.updatedAt, language) : ''}</>}
        </p>
      )}
      {!account ? <p className="muted">{t.loading}</p> : account.seededFromEnv ? <p className="muted">{t.fromEnv}</p> : (
        <form className="row wrap" onSubmit={save}>
          <label><span>{t.accountSid}</span><input required pattern="AC[0-9a-f]{32}" className="wide-input" value={form.accountSid} onChange={field('accountSid')} /></label>
          <label>
            <span>{t.authToken}</span>
            <input required type="password" autoComplete="off" pattern="[0-9A-Za-z]{32}" aria-describedby="auth-token-hint" value={form.authToken} onChange={field('authToken')} />
          </label>
          <label><span>{t.phoneNumber}</span><input type="tel" pattern="\+[1-9][0-9]{6,14}" value={form.phoneNumber} onChange={field('phoneNumber')} /></label>
          <button type="submit">{t.saveAccount}</button>
          <FeedbackLine feedback={feedback} />
          <p id="auth-token-hint" className="muted small full">{t.authTokenHint}</p>
        </form>
      )}
    </section>
  );
}

function MenuForm({ topics }: { topics: TopicRow[] }) {
  const { t, language } = useT();
  const [digits, setDigits] = useState<Record<number, string> | null>(null);
  const { feedback, run } = useFeedback();

  const show = (items: MenuItem[]) => setDigits(Object.fromEntries(items.map((i) => [i.digit, i.topic])));
  useEffect(() => {
    api.get<MenuItem[]>('/phone/ivr-menu').then(show, () => undefined);
  }, []);
  /** A topic is on one key only: choosing it for a key moves that key's old topic to where it was. */
  const choose = (digit: number, topic: string) => {
    const current = digits ?? {};
    const other = DIGITS.find((d) => d !== digit && topic !== '' && current[d] === topic);
    setDigits({ ...current, [digit]: topic, ...(other ? { [other]: current[digit] ?? '' } : {}) });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const chosen = digits ?? {};
    const items = DIGITS.filter((d) => chosen[d]).map((d) => ({ digit: d, topic: chosen[d] }));
    void run(async () => show(await api.put<MenuItem[]>('/phone/ivr-menu', { items })));
  };

  return (
    <section aria-labelledby="admin-ivr">
      <h3 id="admin-ivr">{t.ivrMenu}</h3>
      <p className="muted small">{t.ivrHint}</p>
      {digits === null ? <p className="muted">{t.loading}</p> : (
        <form onSubmit={save}>
          <div className="ivr-grid">
            {DIGITS.map((d) => (
              <label key={d} className="inline spread">
                <span>{t.ivrDigit(d)}</span>
                <select value={digits[d] ?? ''} onChange={(e) => choose(d, e.target.value)}>
                  <option value="">{t.none}</option>
                  {topics.map((x) => <option key={x.slug} value={x.slug}>{language === 'en' ? x.nameEn : x.nameDa}</option>)}
                </select>
              </label>
            ))}
          </div>
          <div className="row">
            <button type="submit">{t.saveMenu}</button>
            <FeedbackLine feedback={feedback} />
          </div>
        </form>
      )}
    </section>
  );
}

function Endpoints() {
  const { t } = useT();
  const [endpoints, setEndpoints] = useState<Endpoint[]>([]);
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [form, setForm] = useState({ userId: '', endpoint: '' });
  const { feedback, run } = useFeedback();

  const load = () => {
    api.get<Endpoint[]>('/phone/endpoints').then(setEndpoints, () => undefined);
  };
  useEffect(() => {
    load();
    api.get<StaffUser[]>('/users').then((found) => setUsers(found.filter((u) => !u.disabled)), () => undefined);
  }, []);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.put(`/phone/endpoints/${form.userId}`, { endpoint: form.endpoint.trim() }))) {
      setForm({ userId: '', endpoint: '' });
      load();
    }
  };
  const remove = (e: Endpoint) => run(async () => {
    await api.delete(`/phone/endpoints/${e.userId}`);
    load();
  }, t.removed);

  return (
    <section aria-labelledby="admin-endpoints">
      <h3 id="admin-endpoints">{t.endpoints}</h3>
      {endpoints.length === 0 ? <p className="muted">{t.none}</p> : (
        <table>
          <thead><tr><th scope="col">{t.staffMember}</th><th scope="col">{t.endpoint}</th><th scope="col"><span className="visually-hidden">{t.actions}</span></th></tr></thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.userId}>
                <td>{e.name}</td><td>{e.endpoint}</td>
                <td><button type="button" className="secondary" aria-label={t.removeFor(e.name)} onClick={() => remove(e)}>{t.remove}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row wrap" onSubmit={save}>
        <label><span>{t.staffMember}</span>
          <select required value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })}>
            <option value="">{t.chooseStaff}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <label><span>{t.endpoint}</span><input required value={form.endpoint} placeholder="+4520123456" onChange={(e) => setForm({ ...form, endpoint: e.target.value })} /></label>
        <button type="submit">{t.save}</button>
        <FeedbackLine feedback={feedback} />
      </form>
    </section>
  );
}

export function PhoneAdmin() {
  const { t } = useT();
  const [topics, setTopics] = useState<TopicRow[]>([]);
  useEffect(() => {
    api.get<TopicRow[]>('/topics').then((found) => setTopics(found.filter((x) => x.active)), () => undefined);
  }, []);

  return (
    <section className="card stack">
      <h2>{t.phoneTab}</h2>
      <AccountForm />
      <PhoneNumbers />
      <MenuForm topics={topics} />
      <Endpoints />
    </section>
  );
}
