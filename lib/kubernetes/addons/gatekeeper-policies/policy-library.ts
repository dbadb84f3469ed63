// Internal: the library's policies and how they render to Gatekeeper manifests.
import { compareStrings } from '../../../ordering';
import { EnforcementAction } from './gatekeeper-policy';
import { POD_OBJECTS, PodSecurityProfile, PolicyBuilder, PolicyDefinition, sameForEveryProfile } from './policy-definition';
import { ALLOWED_REGISTRIES } from './policies/allowed-registries';
import { appArmor } from './policies/apparmor';
import { capabilities } from './policies/capabilities';
import { DEFAULT_SERVICE_ACCOUNT_TOKEN } from './policies/default-service-account-token';
import { DISALLOW_LATEST_TAG } from './policies/disallow-latest-tag';
import { DISALLOWED_NAMESPACES } from './policies/disallowed-namespaces';
import { hostNamespaces } from './policies/host-namespaces';
import { hostPaths } from './policies/host-paths';
import { hostPorts } from './policies/host-ports';
import { hostProbes } from './policies/host-probes';
import { hostProcess } from './policies/host-process';
import { privilegeEscalation } from './policies/privilege-escalation';
import { RBAC_ADMISSION_CONFIGURATION } from './policies/rbac-admission-configuration';
import { RBAC_CLUSTER_ADMIN } from './policies/rbac-cluster-admin';
import { RBAC_CSR_APPROVAL } from './policies/rbac-csr-approval';
import { RBAC_ESCALATION } from './policies/rbac-escalation';
import { RBAC_NODE_PROXY } from './policies/rbac-node-proxy';
import { RBAC_PERSISTENT_VOLUME_CREATE } from './policies/rbac-persistent-volume-create';
import { RBAC_POD_CREATE } from './policies/rbac-pod-create';
import { RBAC_SECRETS_READ } from './policies/rbac-secrets-read';
import { RBAC_SERVICE_ACCOUNT_TOKEN } from './policies/rbac-service-account-token';
import { RBAC_WILDCARDS } from './policies/rbac-wildcards';
import { privilegedContainer } from './policies/privileged-container';
import { procMount } from './policies/proc-mount';
import { READ_ONLY_ROOT_FILESYSTEM } from './policies/read-only-root-filesystem';
import { REQUIRED_RESOURCES } from './policies/required-resources';
import { runAsNonRoot } from './policies/run-as-non-root';
import { runAsUser } from './policies/run-as-user';
import { seccomp } from './policies/seccomp';
import { SECRETS_AS_FILES } from './policies/secrets-as-files';
import { seLinuxOptions } from './policies/selinux-options';
import { sysctls } from './policies/sysctls';
import { volumeTypes } from './policies/volume-types';

/** Every policy of the library, in the order constraints are created. */
const LIBRARY: PolicyBuilder[] = [
  privilegedContainer,
  privilegeEscalation,
  hostNamespaces,
  hostPorts,
  hostPaths,
  hostProcess,
  hostProbes,
  capabilities,
  runAsNonRoot,
  runAsUser,
  seccomp,
  appArmor,
  seLinuxOptions,
  volumeTypes,
  procMount,
  sysctls,
  sameForEveryProfile(READ_ONLY_ROOT_FILESYSTEM),
  sameForEveryProfile(ALLOWED_REGISTRIES),
  sameForEveryProfile(REQUIRED_RESOURCES),
  sameForEveryProfile(DISALLOW_LATEST_TAG),
  sameForEveryProfile(DEFAULT_SERVICE_ACCOUNT_TOKEN),
  sameForEveryProfile(SECRETS_AS_FILES),
  sameForEveryProfile(DISALLOWED_NAMESPACES),
  sameForEveryProfile(RBAC_CLUSTER_ADMIN),
  sameForEveryProfile(RBAC_SECRETS_READ),
  sameForEveryProfile(RBAC_WILDCARDS),
  sameForEveryProfile(RBAC_POD_CREATE),
  sameForEveryProfile(RBAC_ESCALATION),
  sameForEveryProfile(RBAC_PERSISTENT_VOLUME_CREATE),
  sameForEveryProfile(RBAC_NODE_PROXY),
  sameForEveryProfile(RBAC_CSR_APPROVAL),
  sameForEveryProfile(RBAC_ADMISSION_CONFIGURATION),
  sameForEveryProfile(RBAC_SERVICE_ACCOUNT_TOKEN),
];

/** The policies of a profile (a profile lacks the checks it does not have, e.g. restricted ones at baseline). */
export function policyLibrary(profile: PodSecurityProfile): PolicyDefinition[] {
  return LIBRARY.map((build) => build(profile)).filter((d): d is PolicyDefinition => d !== undefined);
}

/** Annotation prefix of what the library records on its templates. */
export const ANNOTATION_PREFIX = 'cdktf-hardened-k8s/';

export const TEMPLATE_API_VERSION = 'templates.gatekeeper.sh/v1';
export const CONSTRAINT_API_VERSION = 'constraints.gatekeeper.sh/v1beta1';
export const CONSTRAINT_GROUP = 'constraints.gatekeeper.sh';

/** The annotations that record a Pod Security profile. */
function profileAnnotations(profile: PodSecurityProfile): Record<string, string> {
  return { [`${ANNOTATION_PREFIX}pod-security-level`]: profile.level, [`${ANNOTATION_PREFIX}pod-security-version`]: profile.version.label };
}

/**
 * The ConstraintTemplate: a CEL-only (K8sNativeValidation) template. Pod templates judge creates and the
 * updates Pod Security Admission would re-judge; Pod Security templates record their level, version and checks.
 */
export function renderTemplate(definition: PolicyDefinition): any {
  const podSecurity = definition.podSecurity;
  const matchConditions = (definition.objects ?? POD_OBJECTS).matchConditions;
  return {
    apiVersion: TEMPLATE_API_VERSION,
    kind: 'ConstraintTemplate',
    metadata: {
      name: definition.kind.toLowerCase(),
      annotations: {
        description: definition.description,
        ...(podSecurity ? { [`${ANNOTATION_PREFIX}pod-security-checks`]: podSecurity.checks.join(','), ...profileAnnotations(podSecurity.profile) } : {}),
      },
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
                ...(matchConditions.length ? { matchCondition: matchConditions.map((c) => ({ name: c.name, expression: c.expression })) } : {}),
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

/**
 * The constraint of a template: applies to the policy's objects outside the excluded namespaces (which
 * never exclude cluster-scoped objects). Like Pod Security Admission's enforce mode the pod policies judge
 * Pods, not the pod templates of workload controllers. A Pod Security constraint records the level and
 * version of its set, as its template does: the compliance engine reads which checks the set has.
 */
export function renderConstraint(
  definition: PolicyDefinition,
  enforcementAction: EnforcementAction,
  excludedNamespaces: string[],
  parameters: Record<string, any>,
): any {
  const objects = definition.objects ?? POD_OBJECTS;
  return {
    apiVersion: CONSTRAINT_API_VERSION,
    kind: definition.kind,
    metadata: { name: `hardened-${definition.policy}`, ...(definition.podSecurity ? { annotations: profileAnnotations(definition.podSecurity.profile) } : {}) },
    spec: {
      enforcementAction,
      match: {
        scope: objects.scope,
        kinds: objects.kinds.map((k) => ({ apiGroups: [...k.apiGroups], kinds: [...k.kinds] })),
        ...(excludedNamespaces.length ? { excludedNamespaces: [...excludedNamespaces].sort(compareStrings) } : {}),
      },
      parameters,
    },
  };
}
