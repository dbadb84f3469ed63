// Internal: the library's policies and how they render to Gatekeeper manifests.
import { EnforcementAction, GatekeeperPolicy } from './gatekeeper-policy';
import { PolicyDefinition } from './policy-definition';
import { ALLOWED_REGISTRIES } from './policies/allowed-registries';
import { APPARMOR } from './policies/apparmor';
import { CAPABILITIES } from './policies/capabilities';
import { DEFAULT_SERVICE_ACCOUNT_TOKEN } from './policies/default-service-account-token';
import { DISALLOW_LATEST_TAG } from './policies/disallow-latest-tag';
import { DISALLOWED_NAMESPACES } from './policies/disallowed-namespaces';
import { HOST_NAMESPACES } from './policies/host-namespaces';
import { HOST_PATHS } from './policies/host-paths';
import { HOST_PORTS } from './policies/host-ports';
import { PRIVILEGE_ESCALATION } from './policies/privilege-escalation';
import { PRIVILEGED_CONTAINER } from './policies/privileged-container';
import { PROC_MOUNT } from './policies/proc-mount';
import { READ_ONLY_ROOT_FILESYSTEM } from './policies/read-only-root-filesystem';
import { REQUIRED_RESOURCES } from './policies/required-resources';
import { RUN_AS_NON_ROOT } from './policies/run-as-non-root';
import { SECCOMP } from './policies/seccomp';
import { SECRETS_AS_FILES } from './policies/secrets-as-files';
import { SYSCTLS } from './policies/sysctls';
import { VOLUME_TYPES } from './policies/volume-types';

/** Every policy of the library, in the order constraints are created. */
export const POLICY_LIBRARY: PolicyDefinition[] = [
  PRIVILEGED_CONTAINER,
  PRIVILEGE_ESCALATION,
  HOST_NAMESPACES,
  HOST_PORTS,
  HOST_PATHS,
  CAPABILITIES,
  RUN_AS_NON_ROOT,
  SECCOMP,
  APPARMOR,
  READ_ONLY_ROOT_FILESYSTEM,
  VOLUME_TYPES,
  PROC_MOUNT,
  SYSCTLS,
  ALLOWED_REGISTRIES,
  REQUIRED_RESOURCES,
  DISALLOW_LATEST_TAG,
  DEFAULT_SERVICE_ACCOUNT_TOKEN,
  SECRETS_AS_FILES,
  DISALLOWED_NAMESPACES,
];

export const TEMPLATE_API_VERSION = 'templates.gatekeeper.sh/v1';
export const CONSTRAINT_API_VERSION = 'constraints.gatekeeper.sh/v1beta1';
export const CONSTRAINT_GROUP = 'constraints.gatekeeper.sh';

export function policyDefinition(policy: GatekeeperPolicy): PolicyDefinition {
  const found = POLICY_LIBRARY.find((p) => p.policy === policy);
  if (!found) {
    throw new Error(`no policy ${policy}`);
  }
  return found;
}

/** The ConstraintTemplate: a CEL-only (K8sNativeValidation) template. */
export function renderTemplate(definition: PolicyDefinition): any {
  return {
    apiVersion: TEMPLATE_API_VERSION,
    kind: 'ConstraintTemplate',
    metadata: {
      name: definition.kind.toLowerCase(),
      annotations: { description: definition.description },
    },
    spec: {
      crd: {
        spec: {
          names: { kind: definition.kind },
          validation: {
            openAPIV3Schema: { type: 'object', properties: definition.parameters },
          },
        },
      },
      targets: [
        {
          target: 'admission.k8s.gatekeeper.sh',
          code: [
            {
              engine: 'K8sNativeValidation',
              source: {
                variables: definition.variables.map((v) => ({ name: v.name, expression: v.expression })),
                validations: definition.validations.map((v) => ({ expression: v.expression, messageExpression: v.messageExpression })),
              },
            },
          ],
        },
      ],
    },
  };
}

/** The constraint of a template: applies to Pods outside the excluded namespaces. */
export function renderConstraint(
  definition: PolicyDefinition,
  enforcementAction: EnforcementAction,
  excludedNamespaces: string[],
  parameters: Record<string, any>,
): any {
  return {
    apiVersion: CONSTRAINT_API_VERSION,
    kind: definition.kind,
    metadata: { name: `hardened-${definition.policy}` },
    spec: {
      enforcementAction,
      match: {
        scope: 'Namespaced',
        kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
        ...(excludedNamespaces.length ? { excludedNamespaces: [...excludedNamespaces].sort() } : {}),
      },
      parameters,
    },
  };
}
