import type { Channel } from '@kontakt/core';
import type { Grouping } from './periods';

/** One rollup day and channel, summed over the filtered topics, queues and segments. */
export interface DailyFigures {
  day: string;
  channel: Channel;
  contactsIn: number;
  contactsOut: number;
  chasingContacts: number;
  recontacts: number;
  directCostMinor: number;
  costedContacts: number;
  handlingSeconds: number;
  timedContacts: number;
  casesOpened: number;
  casesResolved: number;
  fcrCases: number;
  firstResponses: number;
  firstResponsesInSla: number;
  surveyResponses: number;
  surveyScoreSum: number;
}

export type DurationMetric = 'first_response' | 'resolution';

/**
 * One duration histogram of a channel and metric within a report period (`day` is any day in it):
 * `cases[i]` durations fell in bucket `buckets[i]` (ascending as the rollups store them; any order merges).
 */
export interface DurationHistogram {
  day: string;
  channel: Channel;
  metric: DurationMetric;
  buckets: number[];
  cases: number[];
}

export const COST_MODELS = ['unit', 'activity'] as const;
export type CostModel = (typeof COST_MODELS)[number];

export interface ReportQuery {
  from: string;
  to: string;
  groupBy: Grouping;
  costModel: CostModel;
  baselineFrom?: string;
  baselineTo?: string;
  topic?: string;
  queue?: string;
  segment?: string;
}

export const FIGURE_KEYS = [
  'contactsIn', 'contactsOut', 'chasingContacts', 'recontacts', 'directCostMinor', 'costedContacts', 'handlingSeconds',
  'timedContacts', 'casesOpened', 'casesResolved', 'fcrCases', 'firstResponses', 'firstResponsesInSla', 'surveyResponses',
  'surveyScoreSum',
] as const satisfies readonly (keyof DailyFigures)[];
