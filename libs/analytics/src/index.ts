export * from './analytics.module';
export { ChannelCostReports } from './channel-cost-reports';
export { RollupsRepository } from './data/rollups.repository';
export type { ChannelCostReport, ChannelRow, PeriodRow } from './domain/channel-cost-report';
