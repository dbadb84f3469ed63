import { GatekeeperPolicy } from '../gatekeeper-policy';
import { paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/** CIS AKS 1.8 4.6.3: no workloads in the `default` namespace (or others listed). */
export const DISALLOWED_NAMESPACES: PolicyDefinition = {
  policy: GatekeeperPolicy.DISALLOWED_NAMESPACES,
  kind: 'K8sHardenedDisallowedNamespaces',
  description: 'Pods may not run in the default namespace (CIS AKS 1.8 4.6.3).',
  parameters: { namespaces: STRING_LIST },
  defaultParameters: { namespaces: ['default'] },
  variables: [
    paramList('namespaces'),
    { name: 'namespace', expression: "has(object.metadata.namespace) ? object.metadata.namespace : ''" },
  ],
  validations: [
    {
      expression: '!(variables.namespace in variables.namespaces)',
      messageExpression: "'pods may not run in namespace ' + variables.namespace + '; create a HardenedNamespace for the workload'",
    },
  ],
};
