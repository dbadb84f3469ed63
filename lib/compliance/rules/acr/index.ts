import { IComplianceRule } from '../../types';

/** Every acr rule, in the order packs list them. */
export const ACR_RULES: IComplianceRule[] = [];
