// The supervisor's live wallboard: per queue waiting, oldest wait and SLA at risk; per agent presence,
// load per channel and cases resolved today. Figures arrive on the socket after every routing sweep.
import { useEffect, useState } from 'react';
import { api } from './api';
import { formatWait, useT } from './i18n';
import { useSocketEvents } from './socket';

interface QueueFigures { queueId: string; queue: string; waiting: number; offered: number; assigned: number; oldestWaitSeconds: number; availableAgents: number }
interface AgentFigures { agentId: string; name: string; presence: string; reason: string | null; held: Record<string, number> | null; capacity: Record<string, number> | null }
interface Board {
  queues: { queue_id: string; queue: string; waiting: number; offered: number; assigned: number; oldest_wait_seconds: number; available_agents: number }[];
  agents: { id: string; name: string; presence: string; presence_reason: string | null; held: Record<string, number> | null; capacity: Record<string, number> | null }[];
}
interface Today { slaAtRisk: Record<string, number>; resolvedToday: Record<string, number> }

const CHANNELS = ['email', 'webform', 'sms', 'phone', 'post'];

export function Wallboard() {
  const { t } = useT();
  const [queues, setQueues] = useState<Record<string, QueueFigures>>({});
  const [agents, setAgents] = useState<AgentFigures[]>([]);
  const [today, setToday] = useState<Today>({ slaAtRisk: {}, resolvedToday: {} });

  const loadToday = () => api.get<Today>('/wallboard/today').then(setToday, () => undefined);
  useEffect(() => {
    api.get<Board>('/routing/stats').then((board) => {
      setQueues(Object.fromEntries(board.queues.map((q) => [q.queue_id, {
        queueId: q.queue_id, queue: q.queue, waiting: q.waiting, offered: q.offered, assigned: q.assigned, oldestWaitSeconds: q.oldest_wait_seconds, availableAgents: q.available_agents,
      }])));
      setAgents(board.agents.map((a) => ({ agentId: a.id, name: a.name, presence: a.presence, reason: a.presence_reason, held: a.held, capacity: a.capacity })));
    }, () => undefined);
    void loadToday();
  }, []);

  useSocketEvents(['queue_stats', 'agent_stats', 'sla_near_breach', 'sla_breached'], (event, payload) => {
    if (event === 'queue_stats') setQueues((current) => ({ ...current, [payload.queueId]: payload as QueueFigures }));
    if (event === 'agent_stats') {
      setAgents((payload as { agents: AgentFigures[] }).agents);
      void loadToday();
    }
    if (event.startsWith('sla_')) void loadToday();
  });

  const rows = Object.values(queues).sort((a, b) => a.queue.localeCompare(b.queue));
  return (
    <div className="wallboard">
      <h1>{t.wallboard} <span className="live-badge">{t.live}</span></h1>
      <section className="card">
        <h2>{t.queues}</h2>
        <table>
          <thead>
            <tr><th scope="col">{t.queue}</th><th scope="col">{t.waitingCount}</th><th scope="col">{t.offered}</th><th scope="col">{t.assigned}</th><th scope="col">{t.oldestWait}</th><th scope="col">{t.slaAtRisk}</th><th scope="col">{t.availableAgents}</th></tr>
          </thead>
          <tbody>
            {rows.map((q) => (
              <tr key={q.queueId} data-queue={q.queue}>
                <th scope="row">{q.queue}</th>
                <td className="big" data-testid={`waiting-${q.queue}`}>{q.waiting}</td>
                <td>{q.offered}</td>
                <td>{q.assigned}</td>
                <td>{formatWait(q.oldestWaitSeconds)}</td>
                <td className={(today.slaAtRisk[q.queue] ?? 0) > 0 ? 'warn' : undefined}>{today.slaAtRisk[q.queue] ?? 0}</td>
                <td>{q.availableAgents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>{t.agents}</h2>
        <table>
          <thead>
            <tr><th scope="col">{t.name}</th><th scope="col">{t.agentPresence}</th>{CHANNELS.map((c) => <th scope="col" key={c}>{t.channels[c]}</th>)}<th scope="col">{t.handledToday}</th></tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.agentId} data-agent={a.name}>
                <th scope="row">{a.name}</th>
                <td data-testid={`presence-${a.agentId}`}><span className={`dot ${a.presence}`} aria-hidden="true" /> {t[a.presence as 'available' | 'away' | 'offline'] ?? a.presence}{a.reason ? ` (${a.reason})` : ''}</td>
                {CHANNELS.map((c) => <td key={c}>{a.held?.[c] ?? 0}/{a.capacity?.[c] ?? 0}</td>)}
                <td>{today.resolvedToday[a.agentId] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
