import type { Channel } from '@kontakt/core';

/** Rooms: every socket of a staff member joins their own; supervisors and admins join every queue's room. */
export const agentRoom = (userId: string) => `agent:${userId}`;
export const queueRoom = (queueId: string) => `queue:${queueId}`;
export const SUPERVISORS_ROOM = 'supervisors';

/** The events the inbox socket pushes, by name, with their payloads. */
export interface InboxEvents {
  /** a case offered to this agent until expiresAt; answer with POST /api/v1/offers/:id/accept or /reject */
  offer: { offerId: string; caseId: string; channel: Channel; expiresAt: string; reference: string; subject: string; queueId: string };
  /** the offer ended without being accepted: expired, or withdrawn by presence or staff */
  offer_withdrawn: { offerId: string; caseId: string; reason: string };
  case_assigned: { caseId: string; reference?: string; channel?: Channel; offerId?: string; by: 'offer' | 'auto_accept' | 'supervisor' };
  case_updated: { caseId: string; status: string; assigneeId: string | null };
  /** a citizen's new contact on a case this agent holds or is offered */
  contact_received: { caseId: string; contactId: string };
  presence: { status: string; reason: string | null };
  queue_stats: { queueId: string; queue: string; waiting: number; offered: number; assigned: number; oldestWaitSeconds: number; availableAgents: number };
  agent_stats: { agents: { agentId: string; name: string; presence: string; reason: string | null; held: Record<string, number>; capacity: Record<string, number> }[] };
  sla_near_breach: { caseId: string; reference: string; queueId: string; dueAt: string };
  sla_breached: { caseId: string; reference: string; queueId: string; dueAt: string };
  case_escalated: { caseId: string; queueId: string; stage: number; requiredLevel: number; overflowQueueId: string | null };
  /** this staff member marked the case read or unread on one of their devices */
  case_read_state: { caseId: string; unread: boolean };
}

export type InboxEvent = keyof InboxEvents;
