import { IComplianceRule } from '../../types';
import { aksPrivateCluster } from './private-cluster';

/** Every AKS cluster rule, in the order packs list them. */
export const AKS_RULES: IComplianceRule[] = [aksPrivateCluster];
