import { IComplianceRule } from '../../types';
import { aksAuditLogs } from './audit-logs';

/** Every monitoring rule, in the order packs list them. */
export const MONITORING_RULES: IComplianceRule[] = [aksAuditLogs];
