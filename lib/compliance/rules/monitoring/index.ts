import { IComplianceRule } from '../../types';
import { aksAuditLogs } from './audit-logs';
import { logAnalyticsRetention } from './workspace-retention';

/** Every monitoring rule, in the order packs list them. */
export const MONITORING_RULES: IComplianceRule[] = [aksAuditLogs, logAnalyticsRetention];
