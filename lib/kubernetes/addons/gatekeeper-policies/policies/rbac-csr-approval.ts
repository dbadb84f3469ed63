import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/**
 * CIS AKS 1.8 4.1.10 / RKE2 CIS 1.8 5.1.11: approving a certificate signing request mints a credential;
 * it takes the approval subresource and approve on the signer, both refused.
 */
export const RBAC_CSR_APPROVAL_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_CSR_APPROVAL,
  kind: 'K8sHardenedRbacCsrApproval',
  description: 'Roles may not approve certificate signing requests (CIS AKS 1.8 4.1.10).',
  what: 'certificatesigningrequests/approval or approve on signers',
  rules: {
    grants: [
      { apiGroup: 'certificates.k8s.io', resources: ['certificatesigningrequests/approval'], verbs: ['patch', 'update'] },
      { apiGroup: 'certificates.k8s.io', resources: ['signers'], verbs: ['approve'] },
    ],
  },
  builtInRoles: [
    'cluster-admin',
    'system:certificates.k8s.io:kube-apiserver-client-approver',
    'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver',
    'system:certificates.k8s.io:kubelet-serving-approver',
    'system:certificates.k8s.io:legacy-unknown-approver',
    'system:controller:certificate-controller',
    'system:controller:generic-garbage-collector',
  ],
};

export const RBAC_CSR_APPROVAL = rbacPolicy(RBAC_CSR_APPROVAL_GUARD);
