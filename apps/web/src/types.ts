// Shapes of the API answers the app reads.

export type Role = 'agent' | 'supervisor' | 'manager' | 'admin';
export type Presence = 'available' | 'away' | 'offline';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  presence: Presence;
  presenceReason: string | null;
}

export interface CaseSummary {
  id: string;
  reference: string;
  channel: string;
  status: string;
  subject: string;
  priority: number;
  language: string;
  topic: string;
  queue: string;
  citizen: { id: string; name: string | null };
  assignee: { id: string; name: string } | null;
  slaDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastContactAt: string;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

export interface Contact {
  id: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  subject: string | null;
  text: string;
  html: string | null;
  quoted: string | null;
  sender: Record<string, string>;
  author: { id: string; name: string } | null;
  occurredAt: string;
  durationSeconds: number | null;
  costMinor: number | null;
  outcome: string | null;
  attachments: Attachment[];
  delivery: { status: string; error: string | null; recipient: string } | null;
}

export interface CaseDetail extends CaseSummary {
  citizen: CaseSummary['citizen'] & {
    emails: string[];
    phones: string[];
    addresses: string[];
    otherCases: { id: string; reference: string; status: string; subject: string; channel: string; createdAt: string }[];
  };
  contacts: Contact[];
  notes: { id: string; body: string; author: { id: string; name: string }; createdAt: string }[];
  resolutions?: { outcome: string }[];
  events: { type: string; from: string | null; to: string | null; actor: { kind: string; name: string | null }; data: Record<string, unknown>; at: string }[];
}

export interface Offer {
  offerId: string;
  caseId: string;
  channel: string;
  expiresAt: string;
  reference?: string;
  subject?: string;
}

export interface Queue {
  id: string;
  slug: string;
  name?: string;
}
