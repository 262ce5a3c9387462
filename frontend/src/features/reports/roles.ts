/** Who reads which reports: a council's managers and administrators, and regional viewers. */
import type { Role } from '../../lib/auth/roles'

export const COUNCIL_REPORT_ROLES: readonly Role[] = ['manager', 'admin']
export const REGIONAL_REPORT_ROLES: readonly Role[] = ['regional_viewer']
export const REPORT_ROLES: readonly Role[] = [...COUNCIL_REPORT_ROLES, ...REGIONAL_REPORT_ROLES]
