import { IComplianceRule } from '../../types';

/** Every kubernetes rule, in the order packs list them. */
export const KUBERNETES_RULES: IComplianceRule[] = [];
