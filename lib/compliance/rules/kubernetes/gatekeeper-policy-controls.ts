// Internal: the CIS controls each policy of the Gatekeeper library proves when its constraint enforces,
// shared by the rules that judge constraints (enforcement, exemptions) and their evidence.
import { cisAks, cisRke2 } from '../../../cis/refs';
import { CisControlRef } from '../../../cis/types';
import { GatekeeperPolicy } from '../../../kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { PodSecurityProfile, PolicyDefinition } from '../../../kubernetes/addons/gatekeeper-policies/policy-definition';
import { ANNOTATION_PREFIX, policyLibrary } from '../../../kubernetes/addons/gatekeeper-policies/policy-library';
import { PodSecurityLevel } from '../../../kubernetes/namespace/pod-security';
import { PodSecurityVersion } from '../../../kubernetes/namespace/pod-security-version';

const SECURITY_CONTEXT = [cisAks('4.6.2'), cisRke2('5.7.3')];

/**
 * What each policy proves. Every policy is listed (a test checks it): an empty list proves no CIS control.
 * Host probes and lifecycle handlers (Pod Security v1.34 and newer only) map to no control of either
 * benchmark; required resources and the `latest` tag go beyond them.
 */
export const POLICY_CONTROLS: Record<GatekeeperPolicy, CisControlRef[]> = {
  [GatekeeperPolicy.PRIVILEGED_CONTAINER]: [cisAks('4.2.1'), cisRke2('5.2.2')],
  [GatekeeperPolicy.PRIVILEGE_ESCALATION]: [cisAks('4.2.5'), cisRke2('5.2.6')],
  [GatekeeperPolicy.HOST_NAMESPACES]: [cisAks('4.2.2'), cisAks('4.2.3'), cisAks('4.2.4'), cisRke2('5.2.3'), cisRke2('5.2.4'), cisRke2('5.2.5')],
  [GatekeeperPolicy.HOST_PORTS]: [cisRke2('5.2.13')],
  [GatekeeperPolicy.HOST_PATHS]: [cisRke2('5.2.12')],
  [GatekeeperPolicy.HOST_PROCESS]: [cisRke2('5.2.11')],
  [GatekeeperPolicy.HOST_PROBES]: [],
  [GatekeeperPolicy.CAPABILITIES]: [cisAks('4.6.2'), cisRke2('5.2.8'), cisRke2('5.2.9'), cisRke2('5.2.10')],
  [GatekeeperPolicy.RUN_AS_NON_ROOT]: [cisAks('4.6.2'), cisRke2('5.2.7')],
  [GatekeeperPolicy.RUN_AS_USER]: [cisAks('4.6.2'), cisRke2('5.2.7')],
  [GatekeeperPolicy.SECCOMP]: [cisAks('4.6.2'), cisRke2('5.7.2')],
  [GatekeeperPolicy.APPARMOR]: SECURITY_CONTEXT,
  [GatekeeperPolicy.SELINUX_OPTIONS]: SECURITY_CONTEXT,
  // Restricted volumes admit no hostPath volume.
  [GatekeeperPolicy.VOLUME_TYPES]: [cisRke2('5.2.12')],
  [GatekeeperPolicy.PROC_MOUNT]: SECURITY_CONTEXT,
  [GatekeeperPolicy.SYSCTLS]: SECURITY_CONTEXT,
  [GatekeeperPolicy.READ_ONLY_ROOT_FILESYSTEM]: SECURITY_CONTEXT,
  [GatekeeperPolicy.ALLOWED_REGISTRIES]: [cisAks('5.1.4'), cisRke2('5.5.1')],
  [GatekeeperPolicy.REQUIRED_RESOURCES]: [],
  [GatekeeperPolicy.DISALLOW_LATEST_TAG]: [],
  [GatekeeperPolicy.DEFAULT_SERVICE_ACCOUNT_TOKEN]: [cisAks('4.1.6'), cisRke2('5.1.6')],
  [GatekeeperPolicy.SECRETS_AS_FILES]: [cisAks('4.5.1'), cisRke2('5.4.1')],
  [GatekeeperPolicy.DISALLOWED_NAMESPACES]: [cisAks('4.6.3'), cisRke2('5.7.4')],
  [GatekeeperPolicy.RBAC_CLUSTER_ADMIN]: [cisAks('4.1.1'), cisRke2('5.1.1')],
  [GatekeeperPolicy.RBAC_SECRETS_READ]: [cisAks('4.1.2'), cisRke2('5.1.2')],
  [GatekeeperPolicy.RBAC_WILDCARDS]: [cisAks('4.1.3'), cisRke2('5.1.3')],
  [GatekeeperPolicy.RBAC_POD_CREATE]: [cisAks('4.1.4'), cisRke2('5.1.4')],
  [GatekeeperPolicy.RBAC_ESCALATION]: [cisAks('4.1.7'), cisRke2('5.1.8')],
  [GatekeeperPolicy.RBAC_PERSISTENT_VOLUME_CREATE]: [cisAks('4.1.8'), cisRke2('5.1.9')],
  [GatekeeperPolicy.RBAC_NODE_PROXY]: [cisAks('4.1.9'), cisRke2('5.1.10')],
  [GatekeeperPolicy.RBAC_CSR_APPROVAL]: [cisAks('4.1.10'), cisRke2('5.1.11')],
  [GatekeeperPolicy.RBAC_ADMISSION_CONFIGURATION]: [cisAks('4.1.11'), cisRke2('5.1.12')],
  [GatekeeperPolicy.RBAC_SERVICE_ACCOUNT_TOKEN]: [cisAks('4.1.12'), cisRke2('5.1.13')],
};

/** The library's constraint kinds (the same at every profile), by kind. */
const POLICY_BY_KIND = new Map(
  policyLibrary({ level: PodSecurityLevel.RESTRICTED, version: PodSecurityVersion.DEFAULT }).map((d) => [d.kind, d.policy]),
);

/** The library policy whose constraint has this kind, if it is one. */
export function policyOfKind(kind: unknown): GatekeeperPolicy | undefined {
  return typeof kind === 'string' ? POLICY_BY_KIND.get(kind) : undefined;
}

/** The constraint kind of a library policy. */
export function kindOfPolicy(policy: GatekeeperPolicy): string {
  return [...POLICY_BY_KIND.entries()].find(([, p]) => p === policy)![0];
}

/** The library's definitions at one profile, rendered once. */
const LIBRARIES = new Map<string, PolicyDefinition[]>();

/** The library's definition of a policy at a profile, undefined where the profile has no such check. */
export function definitionAt(policy: GatekeeperPolicy, profile: PodSecurityProfile): PolicyDefinition | undefined {
  const key = `${profile.level}/${profile.version.label}`;
  let library = LIBRARIES.get(key);
  if (!library) {
    library = policyLibrary(profile);
    LIBRARIES.set(key, library);
  }
  return library.find((d) => d.policy === policy);
}

/** The definition of a policy that is the same at every profile (every policy beyond the Pod Security set). */
export function profileFreeDefinition(policy: GatekeeperPolicy): PolicyDefinition | undefined {
  const definition = definitionAt(policy, { level: PodSecurityLevel.RESTRICTED, version: PodSecurityVersion.DEFAULT });
  return definition && !definition.podSecurity ? definition : undefined;
}

/**
 * The Pod Security profile a template or constraint of the library records in its annotations, if it
 * records a level and a version the library implements.
 */
export function recordedProfile(annotations: unknown): PodSecurityProfile | undefined {
  if (annotations === null || typeof annotations !== 'object') {
    return undefined;
  }
  const a = annotations as Record<string, unknown>;
  const level = Object.values(PodSecurityLevel).find((l) => l === a[`${ANNOTATION_PREFIX}pod-security-level`]);
  const version = PodSecurityVersion.all().find((v) => v.label === a[`${ANNOTATION_PREFIX}pod-security-version`]);
  return level && version ? { level, version } : undefined;
}

/** Every CIS control some policy proves, in policy order, each once. */
export function allPolicyControls(policies: GatekeeperPolicy[]): CisControlRef[] {
  const seen = new Map<string, CisControlRef>();
  for (const p of policies) {
    for (const c of POLICY_CONTROLS[p]) {
      seen.set(`${c.benchmark}/${c.id}`, c);
    }
  }
  return [...seen.values()];
}
