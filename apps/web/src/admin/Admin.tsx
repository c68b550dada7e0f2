// Administration: one tab per area, each its own component; managers see only the channel unit costs.
import { navigate } from '../router';
import { useT } from '../i18n';
import type { Me } from '../types';
import { ChannelCostsAdmin } from './ChannelCostsAdmin';
import { MailboxesAdmin } from './MailboxesAdmin';
import { PhoneAdmin } from './PhoneAdmin';
import { QueuesAdmin } from './QueuesAdmin';
import { SkillsAdmin } from './SkillsAdmin';
import { TopicsAdmin } from './TopicsAdmin';
import { UsersAdmin } from './UsersAdmin';

const ADMIN_TABS = ['users', 'skills', 'queues', 'topics', 'phone', 'costs', 'mailboxes'] as const;
type Tab = (typeof ADMIN_TABS)[number];

export function Admin({ me, tab }: { me: Me; tab: string | null }) {
  const { t } = useT();
  const tabs: readonly Tab[] = me.role === 'admin' ? ADMIN_TABS : ['costs'];
  const current = tabs.find((x) => x === tab) ?? tabs[0];
  const labels: Record<Tab, string> = {
    users: t.users, skills: t.skillsTab, queues: t.queuesTab, topics: t.topics, phone: t.phoneTab, costs: t.costsTab, mailboxes: t.mailboxes,
  };

  return (
    <div className="admin">
      <h1>{t.admin}</h1>
      <nav className="admin-tabs" aria-label={t.adminSections}>
        {tabs.map((x) => (
          <a key={x} href={`/app/admin/${x}`} aria-current={x === current ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate(`/admin/${x}`); }}>
            {labels[x]}
          </a>
        ))}
      </nav>
      {current === 'users' && <UsersAdmin />}
      {current === 'skills' && <SkillsAdmin />}
      {current === 'queues' && <QueuesAdmin />}
      {current === 'topics' && <TopicsAdmin />}
      {current === 'phone' && <PhoneAdmin />}
      {current === 'costs' && <ChannelCostsAdmin />}
      {current === 'mailboxes' && <MailboxesAdmin />}
    </div>
  );
}
