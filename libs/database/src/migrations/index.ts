import { Foundation1764300000000 } from './1764300000000-foundation';
import { DefaultTopics1764300000001 } from './1764300000001-default-topics';
import { RoutingModel1764310000020 } from './1764310000020-routing-model';
import { OutboxMessages1764320000010 } from './1764320000010-outbox-messages';
import { EmailMailboxes1764320000011 } from './1764320000011-email-mailboxes';
import { ContactCosts1764330000000 } from './1764330000000-contact-costs';
import { PhoneAndSms1764340000000 } from './1764340000000-phone-and-sms';
import { PostLetters1764350000000 } from './1764350000000-post-letters';
import { AnalyticsRollups1764360000000 } from './1764360000000-analytics-rollups';
import { AnalyticsChannelRollups1764360000100 } from './1764360000100-analytics-channel-rollups';
import { AnalyticsChannelHistograms1764360000101 } from './1764360000101-analytics-channel-histograms';
import { AnalyticsDailyHistograms1764360000102 } from './1764360000102-analytics-daily-histograms';
import { CaseResolutions1764370000000 } from './1764370000000-case-resolutions';
import { CaseReadMarkers1764381000000 } from './1764381000000-case-read-markers';
import { ReplyTemplates1764381000001 } from './1764381000001-reply-templates';
import { AnalyticsDimensionRollups1764382000000 } from './1764382000000-analytics-dimension-rollups';
import { AnalyticsWatermark1764383000000 } from './1764383000000-analytics-watermark';
import { RoutingStatementTriggers1764384000000 } from './1764384000000-routing-statement-triggers';
import { CitizenVulnerability1764384000001 } from './1764384000001-citizen-vulnerability';
import { AnalyticsDailyFactCounts1764385000000 } from './1764385000000-analytics-daily-fact-counts';
import { TwilioNumbers1764386000100 } from './1764386000100-twilio-numbers';
import { RoutingCaseMovesByKind1764387000000 } from './1764387000000-routing-case-moves-by-kind';
import { AnalyticsMonthlyHistograms1764382000100 } from './1764382000100-analytics-monthly-histograms';
import { AnalyticsWeeklyHistograms1764382000200 } from './1764382000200-analytics-weekly-histograms';
import { StaffRecordedAddresses1764386000000 } from './1764386000000-staff-recorded-addresses';
import { RoutingSkillsVersion1764388000000 } from './1764388000000-routing-skills-version';

/** Every migration in order. A new one is added here and never edited once merged. */
export const MIGRATIONS = [
  Foundation1764300000000,
  DefaultTopics1764300000001,
  RoutingModel1764310000020,
  OutboxMessages1764320000010,
  EmailMailboxes1764320000011,
  ContactCosts1764330000000,
  PhoneAndSms1764340000000,
  PostLetters1764350000000,
  AnalyticsRollups1764360000000,
  AnalyticsChannelRollups1764360000100,
  AnalyticsChannelHistograms1764360000101,
  AnalyticsDailyHistograms1764360000102,
  CaseResolutions1764370000000,
  CaseReadMarkers1764381000000,
  ReplyTemplates1764381000001,
  AnalyticsDimensionRollups1764382000000,
  AnalyticsMonthlyHistograms1764382000100,
  AnalyticsWeeklyHistograms1764382000200,
  AnalyticsWatermark1764383000000,
  RoutingStatementTriggers1764384000000,
  CitizenVulnerability1764384000001,
  AnalyticsDailyFactCounts1764385000000,
  StaffRecordedAddresses1764386000000,
  TwilioNumbers1764386000100,
  RoutingCaseMovesByKind1764387000000,
  RoutingSkillsVersion1764388000000,
];
