import { GatekeeperPolicy } from '../gatekeeper-policy';
import { PolicyDefinition } from '../policy-definition';

/**
 * CIS AKS 1.8 4.1.6: a pod running as the namespace's default service account must not mount its token
 * (automountServiceAccountToken false); workloads that call the API use a dedicated service account.
 */
export const DEFAULT_SERVICE_ACCOUNT_TOKEN: PolicyDefinition = {
  policy: GatekeeperPolicy.DEFAULT_SERVICE_ACCOUNT_TOKEN,
  kind: 'K8sHardenedDefaultServiceAccountToken',
  description: 'Pods on the default service account must set automountServiceAccountToken to false (CIS AKS 1.8 4.1.5, 4.1.6).',
  parameters: {},
  defaultParameters: {},
  variables: [
    {
      name: 'serviceAccount',
      expression:
        "has(object.spec.serviceAccountName) && object.spec.serviceAccountName != '' ? object.spec.serviceAccountName : (has(object.spec.serviceAccount) && object.spec.serviceAccount != '' ? object.spec.serviceAccount : 'default')",
    },
    {
      name: 'tokenOff',
      expression: 'has(object.spec.automountServiceAccountToken) && object.spec.automountServiceAccountToken == false',
    },
  ],
  validations: [
    {
      expression: "variables.serviceAccount != 'default' || variables.tokenOff",
      messageExpression: "'pods on the default service account must set automountServiceAccountToken to false; use a dedicated service account for API access'",
    },
  ],
};
