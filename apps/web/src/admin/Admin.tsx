// Administration: one tab per area, each its own component; managers see only the channel unit costs, supervisors the reply templates.
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
import { TemplatesAdmin } from './TemplatesAdmin';

const ADMIN_TABS = ['users', 'skills', 'queues', 'topics', 'templates', 'phone', 'costs', 'mailboxes'] as const;
type Tab = (typeof ADMIN_TABS)[number];
const TABS_BY_ROLE: Record<string, readonly Tab[]> = { admin: ADMIN_TABS, manager: ['costs'], supervisor: ['templates'] };

export function Admin({ me, tab }: { me: Me; tab: string | null }) {
  const { t } = useT();
  const tabs: readonly Tab[] = TABS_BY_ROLE[me.role] ?? [];
  const current = tabs.find((x) => x === tab) ?? tabs[0];
  const labels: Record<Tab, string> = {
    users: t.users, skills: t.skillsTab, queues: t.queuesTab, topics: t.topics, templates: t.templates, phone: t.phoneTab, costs: t.costsTab, mailboxes: t.mailboxes,
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
      {current === 'templates' && <TemplatesAdmin />}
    </div>
  );
}
