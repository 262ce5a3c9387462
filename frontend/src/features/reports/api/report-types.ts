/** The reports' shapes, taken from the operations (component names of generic models may change). */
import type { Operations } from '../../../api/client'

type Json<K extends keyof Operations> = Operations[K] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : never
type Query<K extends keyof Operations> = Operations[K] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never

export type FunnelReport = Json<'reports:funnel'>
export type FunnelQuery = Query<'reports:funnel'>
export type TimeInStageReport = Json<'reports:time_in_stage'>
export type SourcesReport = Json<'reports:sources'>
export type WithdrawalsReport = Json<'reports:withdrawals'>
export type RetentionReport = Json<'reports:retention'>
export type OfstedReturn = Json<'reports:ofsted_return'>
export type PeriodQuery = Query<'reports:time_in_stage'>
export type YearQuery = Query<'reports:ofsted_return'>

export type RegionalFunnel = Json<'reports:regional_funnel'>
export type RegionalTimeInStage = Json<'reports:regional_time_in_stage'>
export type RegionalSources = Json<'reports:regional_sources'>
export type RegionalWithdrawals = Json<'reports:regional_withdrawals'>
export type RegionalRetention = Json<'reports:regional_retention'>
export type RegionalOfsted = Json<'reports:regional_ofsted_return'>
