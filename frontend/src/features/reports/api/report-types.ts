/** The reports' shapes: the API's named schemas (`X` for a council, `RegionalX` for a region's roll-up). */
import type { Operations, Schemas } from '../../../api/client'

type Query<K extends keyof Operations> = Operations[K] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never

export type FunnelReport = Schemas['FunnelReport']
export type FunnelSplit = Schemas['FunnelSplit']
/** One pair of stages of a funnel's cohort: of those that reached `from_stage`, the share that reached `to_stage`. */
export type Conversion = Schemas['Conversion']
export type FunnelQuery = Query<'reports:funnel'>
export type TimeInStageReport = Schemas['TimeInStageReport']
export type SourcesReport = Schemas['SourcesReport']
export type WithdrawalsReport = Schemas['WithdrawalsReport']
export type RetentionReport = Schemas['RetentionReport']
export type OfstedReturn = Schemas['OfstedReturn']
export type PeriodQuery = Query<'reports:time_in_stage'>
export type YearQuery = Query<'reports:ofsted_return'>

export type RegionalFunnel = Schemas['RegionalFunnel']
export type RegionalFunnelSplit = Schemas['RegionalFunnelSplit']
export type RegionalFunnelQuery = Query<'reports:regional_funnel'>
export type RegionalTimeInStage = Schemas['RegionalTimeInStage']
export type RegionalSources = Schemas['RegionalSources']
export type RegionalWithdrawals = Schemas['RegionalWithdrawals']
export type RegionalRetention = Schemas['RegionalRetention']
export type RegionalOfsted = Schemas['RegionalOfsted']
