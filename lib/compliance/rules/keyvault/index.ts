import { IComplianceRule } from '../../types';

/** Every keyvault rule, in the order packs list them. */
export const KEYVAULT_RULES: IComplianceRule[] = [];
