import { IComplianceRule } from '../../types';

/** Every appgw rule, in the order packs list them. */
export const APPGW_RULES: IComplianceRule[] = [];
