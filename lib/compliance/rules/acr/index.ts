import { IComplianceRule } from '../../types';
import { acrAdminDisabled, acrAnonymousPullDisabled, acrHardenedFeatures, acrPublicNetworkDisabled } from './registry-access';
import { acrLeastPrivilegeRoles } from './role-assignments';

/** Every container registry rule, in the order packs list them. */
export const ACR_RULES: IComplianceRule[] = [acrAdminDisabled, acrPublicNetworkDisabled, acrAnonymousPullDisabled, acrHardenedFeatures, acrLeastPrivilegeRoles];
