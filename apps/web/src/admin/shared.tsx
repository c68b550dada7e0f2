// What the admin screens share: the shapes they read, the channels they edit, and the saved/failed line.
import { useState } from 'react';
import { useT } from '../i18n';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: string;
  languages: string[];
  capacity: Record<string, number>;
  skills: { topic: string; level: number }[];
  presence: string;
  disabled: boolean;
}

export interface QueueRow { id: string; slug: string; name_da: string; name_en: string; sla_minutes: number }
export interface TopicRow { slug: string; nameDa: string; nameEn: string; queueSlug: string; keywords: string[]; active: boolean }

export const ROLES = ['agent', 'supervisor', 'manager', 'admin'];
export const SPOKEN = ['da', 'en'];
/** The channels an agent holds cases on, and a queue has targets for. */
export const WORK_CHANNELS = ['email', 'webform', 'sms', 'phone', 'post'];
export const LEVELS = [1, 2, 3, 4, 5];

export type Feedback = { ok: boolean; text: string } | null;

/** A saved/failed line that screen readers announce; `run` wraps an action and reports its outcome. */
export function useFeedback() {
  const { t } = useT();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const run = async (action: () => Promise<unknown>, done: string = t.saved) => {
    try {
      await action();
      setFeedback({ ok: true, text: done });
      return true;
    } catch (e) {
      setFeedback({ ok: false, text: `${t.error}: ${(e as Error).message}` });
      return false;
    }
  };
  return { feedback, setFeedback, run };
}

export function FeedbackLine({ feedback }: { feedback: Feedback }) {
  return <span role="status" className={feedback ? (feedback.ok ? 'ok' : 'error') : undefined}>{feedback?.text}</span>;
}

export function useChannelName() {
  const { t } = useT();
  return (channel: string) => t.channels[channel] ?? channel;
}
