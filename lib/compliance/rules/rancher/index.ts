import { IComplianceRule } from '../../types';

/** Every rancher rule, in the order packs list them. */
export const RANCHER_RULES: IComplianceRule[] = [];
