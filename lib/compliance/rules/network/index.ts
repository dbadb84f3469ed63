import { IComplianceRule } from '../../types';
import { nsgNoInternetInbound } from './nsg-internet-inbound';

/** Every network rule, in the order packs list them. */
export const NETWORK_RULES: IComplianceRule[] = [nsgNoInternetInbound];
