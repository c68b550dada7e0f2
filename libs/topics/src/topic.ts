import type { Language } from '@kontakt/core';

/** 1 low, 2 normal, 3 high, 4 urgent. */
export type Priority = 1 | 2 | 3 | 4;

export interface Topic {
  id: string;
  slug: string;
  nameDa: string;
  nameEn: string;
  queueId: string;
  queueSlug: string;
  keywords: string[];
  priority: Priority;
  isDefault: boolean;
  active: boolean;
  position: number;
}

export const topicName = (topic: Pick<Topic, 'nameDa' | 'nameEn'>, language: Language): string =>
  language === 'en' ? topic.nameEn : topic.nameDa;
