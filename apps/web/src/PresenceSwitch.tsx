// Available / away with a reason / offline; follows changes pushed by the server (e.g. a supervisor's).
import { api } from './api';
import { useT } from './i18n';
import { useSocketEvents } from './socket';
import type { Me, Presence } from './types';

export function PresenceSwitch({ me, onChange }: { me: Me; onChange(me: Me): void }) {
  const { t } = useT();
  const reasons = [t.reasonBreak, t.reasonMeeting, t.reasonTraining];

  useSocketEvents(['presence'], (_event, payload: { status: Presence; reason: string | null }) => {
    onChange({ ...me, presence: payload.status, presenceReason: payload.reason });
  });

  const set = async (status: Presence, reason?: string) => {
    onChange(await api.put<Me>('/me/presence', reason ? { status, reason } : { status }));
  };

  return (
    <div className="presence">
      <label className="inline">
        <span className={`dot ${me.presence}`} aria-hidden="true" />
        <span>{t.presence}</span>
        <select value={me.presence} onChange={(e) => set(e.target.value as Presence, e.target.value === 'away' ? reasons[0] : undefined)}>
          <option value="available">{t.available}</option>
          <option value="away">{t.away}</option>
          <option value="offline">{t.offline}</option>
        </select>
      </label>
      {me.presence === 'away' && (
        <label className="inline">
          <span>{t.awayReason}</span>
          <select value={me.presenceReason ?? ''} onChange={(e) => set('away', e.target.value)}>
            {reasons.map((r) => <option key={r} value={r}>{r}</option>)}
            {me.presenceReason && !reasons.includes(me.presenceReason) && <option value={me.presenceReason}>{me.presenceReason}</option>}
          </select>
        </label>
      )}
    </div>
  );
}
