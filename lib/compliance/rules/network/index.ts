import { IComplianceRule } from '../../types';

/** Every network rule, in the order packs list them. */
export const NETWORK_RULES: IComplianceRule[] = [];
