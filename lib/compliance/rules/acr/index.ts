import { IComplianceRule } from '../../types';
import { acrAdminDisabled } from './admin-disabled';
import { acrPublicNetworkDisabled } from './public-network-disabled';
import { acrAnonymousPullDisabled } from './anonymous-pull-disabled';
import { acrHardenedFeatures } from './hardened-features';
import { acrLeastPrivilegeRoles } from './role-assignments';

/** Every container registry rule, in the order packs list them. */
export const ACR_RULES: IComplianceRule[] = [acrAdminDisabled, acrPublicNetworkDisabled, acrAnonymousPullDisabled, acrHardenedFeatures, acrLeastPrivilegeRoles];
