import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/**
 * CIS AKS 1.8 4.1.11 / RKE2 CIS 1.8 5.1.12: whoever writes admission configuration decides what is
 * admitted. Webhook configurations, and for the same reason admission policies and their bindings and the
 * objects that configure this platform's Gatekeeper (templates, constraints, config, mutations).
 */
export const RBAC_ADMISSION_CONFIGURATION_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_ADMISSION_CONFIGURATION,
  kind: 'K8sHardenedRbacAdmissionConfiguration',
  description: 'Roles may not write webhook configurations, admission policies or Gatekeeper policy objects (CIS AKS 1.8 4.1.11).',
  what: 'write on admission configuration (webhook configurations, admission policies, Gatekeeper policy objects)',
  rules: {
    grants: [
      {
        apiGroup: 'admissionregistration.k8s.io',
        resources: [
          'mutatingadmissionpolicies',
          'mutatingadmissionpolicybindings',
          'mutatingwebhookconfigurations',
          'validatingadmissionpolicies',
          'validatingadmissionpolicybindings',
          'validatingwebhookconfigurations',
        ],
        verbs: WRITE,
      },
      { apiGroup: 'config.gatekeeper.sh', resources: ['*'], verbs: WRITE },
      { apiGroup: 'constraints.gatekeeper.sh', resources: ['*'], verbs: WRITE },
      { apiGroup: 'mutations.gatekeeper.sh', resources: ['*'], verbs: WRITE },
      { apiGroup: 'templates.gatekeeper.sh', resources: ['*'], verbs: WRITE },
    ],
  },
  builtInRoles: ['cluster-admin', 'system:controller:generic-garbage-collector', 'system:controller:namespace-controller'],
};

export const RBAC_ADMISSION_CONFIGURATION = rbacPolicy(RBAC_ADMISSION_CONFIGURATION_GUARD);
