import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp, missingProp } from '../../../errors';
import { compareStrings } from '../../../ordering';
import { validateExemptImage, validateExemptNamespace } from '../../exemption-validation';
import { SYSTEM_NAMESPACES, withSystemNamespaces } from '../../exemptions';
import { PodSecurityLevel } from '../../namespace/pod-security';
import { PodSecurityVersion } from '../../namespace/pod-security-version';
import { validatePodSecurityVersion } from '../../namespace/pod-security-version-validation';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { GatekeeperAddon } from '../gatekeeper/gatekeeper-addon';
import { EnforcementAction, GatekeeperPolicy } from './gatekeeper-policy';
import { RBAC_OBJECTS } from './policies/rbac-policy';
import { PolicyDefinition } from './policy-definition';
import { policyLibrary, renderConstraint, renderTemplate } from './policy-library';
import { subjectParameter, validateAllowedRole, validateRbacSubject } from './rbac-exemptions';
import { RbacSubject } from './rbac-subject';
import { validateRegistryPrefix } from './registry-host';
import { requireProps } from '../../../validation';

/** Per-policy settings of the policy library. */
export interface ConstraintOptions {
  /** The policy these options apply to. */
  readonly policy: GatekeeperPolicy;
  /**
   * Create this policy's template and constraint.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Enforcement action of this policy's constraint.
   * @default - the add-on's enforcementAction
   */
  readonly enforcementAction?: EnforcementAction;
  /**
   * Namespaces this constraint also skips, by name (no wildcards), added to the system namespaces and
   * the add-on's excluded namespaces. Each one that is not a system namespace may hold workloads, so it
   * is a `gatekeeper-constraint-exemptions` finding that needs a waiver.
   * @default - none beyond the system namespaces and the add-on's excluded namespaces
   */
  readonly excludedNamespaces?: string[];
  /**
   * Images exempt from a policy that judges containers: exact images, or prefixes ending in `*` that
   * name a registry host and a repository (`myacr.azurecr.io/agents/collector:*`); `*` alone or a whole
   * registry is refused. The pod-level fields of the pod are still judged. Pod Security Admission has no
   * such exemption; this one is the library's, and a `gatekeeper-constraint-exemptions` finding that
   * needs a waiver.
   * @default - none
   */
  readonly exemptImages?: string[];
  /**
   * Raw constraint parameters merged over the library's defaults; only parameters the policy's template
   * declares are accepted, and a list parameter keeps the library's entries (it may add to them). The RBAC policies take `allowedSubjects` (`{ kind, name, namespace }`, added to
   * rbacAllowedSubjects) and `allowedRoles` (`"<namespace>/<name>"` of a Role, `"<name>"` of a ClusterRole
   * the policy admits), each named exactly; an allowed role the app does not create itself is a finding
   * of the policy's `k8s-rbac-*` rule (nothing judges what it grants).
   * @default - the library's defaults
   */
  readonly parameters?: any;
}

/** Props of {@link GatekeeperPoliciesAddon}. */
export interface GatekeeperPoliciesAddonProps {
  /**
   * Registries images may come from (CIS AKS 1.8 5.1.4): hosts with optional path, ending in `/`,
   * e.g. `myacr.azurecr.io/`.
   */
  readonly allowedRegistries: string[];
  /**
   * Enforcement action of every constraint.
   * @default EnforcementAction.DENY (CIS AKS 1.8 4.2.x: admission is minimized only when violations are rejected)
   */
  readonly enforcementAction?: EnforcementAction;
  /**
   * Namespaces every constraint skips besides the system namespaces, by name (no wildcards). The list
   * extends the cluster's system namespaces (`GatekeeperPoliciesAddon.SYSTEM_NAMESPACES`, those of its
   * distribution), which every constraint always skips; it never
   * replaces it. A namespace that is not a system namespace may hold workloads, so each one is a
   * `gatekeeper-constraint-exemptions` finding that needs a waiver.
   * @default - none: only the cluster's system namespaces (CIS AKS 1.8 4.2.1-4.2.5, 5.1.4 apply to every other namespace)
   */
  readonly excludedNamespaces?: string[];
  /**
   * Per-policy settings.
   * @default - every policy on with the add-on's settings
   */
  readonly constraints?: ConstraintOptions[];
  /**
   * Pod Security Standards level of the Pod Security set: RESTRICTED or BASELINE (then the restricted
   * checks are not deployed and capabilities, seccomp and procMount are judged at baseline).
   * @default PodSecurityLevel.RESTRICTED (CIS AKS 1.8 4.2.1-4.2.5, 4.6.2)
   */
  readonly podSecurityLevel?: PodSecurityLevel;
  /**
   * Pod Security Standards version whose checks the Pod Security set implements, exactly as Pod
   * Security Admission judges that version. Use the version the namespaces pin.
   * @default PodSecurityVersion.DEFAULT (v1.36; CIS AKS 1.8 4.2.1-4.2.5, 4.6.2)
   */
  readonly podSecurityVersion?: PodSecurityVersion;
  /**
   * Subjects the RBAC policies let be bound to cluster-admin, admin, edit and the built-in system roles
   * that grant a guarded permission: the platform's administrators and break-glass accounts. Exact names
   * only: `*` and `system:` names are refused (system subjects and the service accounts of the excluded
   * namespaces are exempt through the exemption model).
   * @default - none (CIS AKS 1.8 4.1.1)
   */
  readonly rbacAllowedSubjects?: RbacSubject[];
}

/**
 * The baseline's Gatekeeper policy library: CEL ConstraintTemplates (K8sNativeValidation). The Pod
 * Security set implements every check of the Pod Security Standards at the add-on's level and version
 * exactly as Pod Security Admission does (Windows pods and the update exemption included); beyond it come
 * read-only root filesystems, allowed registries, required resources, no `latest` tag, no default
 * service-account token, secrets as files and no workloads in `default`. The pod constraints judge Pods
 * (not the templates of workload controllers, which Pod Security Admission only warns about); the RBAC
 * constraints judge Roles, ClusterRoles and their bindings (CIS AKS 1.8 4.1.x). Templates go to the
 * objects stack (their CRD comes with the Gatekeeper chart); constraints go to the policy stack (their
 * CRDs are generated from the templates).
 */
export class GatekeeperPoliciesAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'gatekeeper-policies';
  /**
   * Every system namespace the library knows: those of Kubernetes, the CNIs, AKS, Rancher and Gatekeeper.
   * A cluster's constraints skip the common ones and those of its own distribution (AKS's managed
   * add-ons on AKS, Rancher's agents on RKE2); excluded namespaces given in props add to them.
   */
  public static readonly SYSTEM_NAMESPACES: string[] = [...SYSTEM_NAMESPACES];

  public readonly addonId = GatekeeperPoliciesAddon.ID;
  public readonly dependencies: string[] = [GatekeeperAddon.ID];
  public readonly conflicts: string[] = [];
  /** The Pod Security Standards level the Pod Security set implements. */
  public readonly podSecurityLevel: PodSecurityLevel;
  /** The Pod Security Standards version the Pod Security set implements. */
  public readonly podSecurityVersion: PodSecurityVersion;
  private readonly props: GatekeeperPoliciesAddonProps;
  private readonly library: PolicyDefinition[];
  private readonly extraExcluded: string[] = [];
  private readonly extraRegistries: string[] = [];
  private readonly rbacSubjects: RbacSubject[] = [];
  private readonly rbacRoles = new Map<GatekeeperPolicy, string[]>();

  constructor(props: GatekeeperPoliciesAddonProps) {
    const construct = 'GatekeeperPoliciesAddon';
    requireProps(construct, props, 'pass GatekeeperPoliciesAddonProps with allowedRegistries');
    if (!props.allowedRegistries || props.allowedRegistries.length === 0) {
      throw missingProp(construct, 'allowedRegistries', 'list the registries your images come from, e.g. ["myacr.azurecr.io/"] (CIS AKS 1.8 5.1.4)');
    }
    props.allowedRegistries.forEach((r) => validateRegistryPrefix(construct, r));
    validateAction(construct, 'enforcementAction', props.enforcementAction);
    (props.excludedNamespaces ?? []).forEach((n) => validateExemptNamespace(construct, 'excludedNamespaces', n));
    this.allowRbacSubjects(props.rbacAllowedSubjects ?? []);
    this.podSecurityLevel = props.podSecurityLevel ?? PodSecurityLevel.RESTRICTED;
    if (this.podSecurityLevel !== PodSecurityLevel.RESTRICTED && this.podSecurityLevel !== PodSecurityLevel.BASELINE) {
      throw invalidProp(
        construct,
        'podSecurityLevel',
        this.podSecurityLevel,
        'PodSecurityLevel.RESTRICTED or PodSecurityLevel.BASELINE',
        'the privileged level has no checks: exclude the namespaces that need it (excludedNamespaces) instead',
      );
    }
    this.podSecurityVersion = props.podSecurityVersion ?? PodSecurityVersion.DEFAULT;
    validatePodSecurityVersion(construct, 'podSecurityVersion', this.podSecurityVersion);
    this.library = policyLibrary({ level: this.podSecurityLevel, version: this.podSecurityVersion });
    const seen = new Set<GatekeeperPolicy>();
    for (const c of props.constraints ?? []) {
      if (!c || !Object.values(GatekeeperPolicy).includes(c.policy)) {
        throw invalidProp(construct, 'constraints[].policy', c?.policy, Object.values(GatekeeperPolicy).join(', '), 'use a GatekeeperPolicy member');
      }
      if (seen.has(c.policy)) {
        throw invalidProp(construct, 'constraints[].policy', c.policy, 'each policy once', `merge the options of ${c.policy} into one entry`);
      }
      seen.add(c.policy);
      validateAction(construct, `constraints[${c.policy}].enforcementAction`, c.enforcementAction);
      (c.excludedNamespaces ?? []).forEach((n) => validateExemptNamespace(construct, `constraints[${c.policy}].excludedNamespaces`, n));
      const definition = this.library.find((d) => d.policy === c.policy);
      if (definition) {
        validateParameters(construct, c, definition);
      }
    }
    this.props = props;
  }

  /**
   * Adds namespaces every constraint skips (the baseline adds its node-agent namespaces). Like
   * `excludedNamespaces`, each one that is neither a system namespace nor one the library creates for
   * its own agents is a `gatekeeper-constraint-exemptions` finding that needs a waiver.
   */
  public excludeNamespaces(namespaces: string[]): void {
    namespaces.forEach((n) => validateExemptNamespace('GatekeeperPoliciesAddon', 'excludeNamespaces', n));
    this.extraExcluded.push(...namespaces);
  }

  /**
   * Adds subjects the RBAC policies let hold their guarded permissions (the baseline adds the cluster's
   * administrator groups). Exact names only, as for rbacAllowedSubjects.
   */
  public allowRbacSubjects(subjects: RbacSubject[]): void {
    if (!Array.isArray(subjects)) {
      throw invalidProp('GatekeeperPoliciesAddon', 'rbacAllowedSubjects', subjects, 'a list of RbacSubject', 'pass e.g. [{ kind: RbacSubjectKind.GROUP, name: "<Entra ID group object id>" }]');
    }
    subjects.forEach((s) => validateRbacSubject('GatekeeperPoliciesAddon', 'rbacAllowedSubjects', s));
    this.rbacSubjects.push(...subjects);
  }

  /**
   * Lets one RBAC policy admit named roles: `"<namespace>/<name>"` of a Role or `"<name>"` of a ClusterRole
   * (the baseline adds the tenant roles that opt into reading secrets, which their waivers cover).
   */
  public allowRbacRoles(policy: GatekeeperPolicy, roles: string[]): void {
    const definition = this.library.find((d) => d.policy === policy);
    if (!definition || definition.objects !== RBAC_OBJECTS) {
      throw invalidProp('GatekeeperPoliciesAddon', 'allowRbacRoles.policy', policy, 'a GatekeeperPolicy of the RBAC set (RBAC_*)', 'pass e.g. GatekeeperPolicy.RBAC_SECRETS_READ');
    }
    roles.forEach((r) => validateAllowedRole('GatekeeperPoliciesAddon', 'allowRbacRoles', r));
    this.rbacRoles.set(policy, [...(this.rbacRoles.get(policy) ?? []), ...roles]);
  }

  /** Adds approved registries (the baseline adds the mesh's sidecar image registry). */
  public allowRegistries(registries: string[]): void {
    registries.forEach((r) => validateRegistryPrefix('GatekeeperPoliciesAddon', r));
    this.extraRegistries.push(...registries);
  }

  public install(context: AddonInstallContext): void {
    const templates = new Construct(context.objectScope, 'gatekeeper-templates');
    const constraints = new Construct(context.policyScope, 'gatekeeper-constraints');
    const baseExcluded = withSystemNamespaces(context.cluster.distribution, this.props.excludedNamespaces, this.extraExcluded);
    const registries = unique([...this.props.allowedRegistries, ...this.extraRegistries]);
    for (const definition of this.library) {
      const options = (this.props.constraints ?? []).find((c) => c.policy === definition.policy);
      if (options?.enabled === false) {
        continue;
      }
      new Manifest(templates, definition.policy, {
        manifest: renderTemplate(definition),
        // The constraint CRD exists once Gatekeeper reports the template created; the policy stack needs it at plan.
        wait: { fields: { 'status.created': 'true' } },
      });
      const parameters: Record<string, any> = { ...definition.defaultParameters, ...(options?.parameters ?? {}) };
      if (options?.exemptImages?.length) {
        parameters.exemptImages = [...options.exemptImages];
      }
      if (definition.policy === GatekeeperPolicy.ALLOWED_REGISTRIES) {
        parameters.registries = registries;
      }
      const excluded = unique([...baseExcluded, ...(options?.excludedNamespaces ?? [])]);
      new Manifest(constraints, definition.policy, {
        manifest: renderConstraint(
          definition,
          options?.enforcementAction ?? this.props.enforcementAction ?? EnforcementAction.DENY,
          excluded,
          definition.objects === RBAC_OBJECTS
            ? Lazy.anyValue({ produce: () => this.rbacParameters(definition, baseExcluded, parameters) })
            : parameters,
        ),
      });
    }
  }

  /**
   * Parameters of an RBAC constraint, read at synth: the exemption model's namespaces (the system ones,
   * Rancher's included, and those every constraint skips) and the allowlists.
   */
  private rbacParameters(definition: PolicyDefinition, excluded: string[], given: Record<string, any>): Record<string, any> {
    const subjects = [...this.rbacSubjects, ...(given.allowedSubjects ?? [])].map(subjectParameter);
    const bySubject = new Map(subjects.map((s) => [JSON.stringify([s.kind, s.namespace ?? '', s.name]), s]));
    const roles = unique([...(given.allowedRoles ?? []), ...(this.rbacRoles.get(definition.policy) ?? [])]);
    return {
      exemptNamespaces: unique(excluded),
      ...(bySubject.size ? { allowedSubjects: [...bySubject.keys()].sort(compareStrings).map((k) => bySubject.get(k)!) } : {}),
      ...(roles.length ? { allowedRoles: roles } : {}),
    };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** Refuses parameters the policy's template does not declare (Gatekeeper would drop them silently). */
function validateParameters(construct: string, options: ConstraintOptions, definition: PolicyDefinition): void {
  const declared = Object.keys(definition.parameters).sort(compareStrings);
  const prop = `constraints[${options.policy}]`;
  if (options.exemptImages !== undefined && !declared.includes('exemptImages')) {
    throw invalidProp(construct, `${prop}.exemptImages`, options.exemptImages, 'exemptImages only on policies that judge containers', 'exclude the namespace from this pod-level policy instead (excludedNamespaces)');
  }
  for (const image of options.exemptImages ?? []) {
    validateExemptImage(construct, `${prop}.exemptImages`, image);
  }
  const parameters = options.parameters;
  if (parameters === undefined || parameters === null) {
    return;
  }
  if (definition.objects === RBAC_OBJECTS && typeof parameters === 'object' && !Array.isArray(parameters)) {
    validateRbacParameters(construct, prop, parameters);
  }
  if (typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw invalidProp(construct, `${prop}.parameters`, parameters, 'an object of parameter values', 'pass e.g. { exemptImages: ["myacr.azurecr.io/agent:*"] }');
  }
  for (const key of Object.keys(parameters)) {
    if (!declared.includes(key)) {
      throw invalidProp(
        construct,
        `${prop}.parameters`,
        key,
        declared.length ? `the parameters of ${definition.kind}: ${declared.join(', ')}` : `none (${definition.kind} takes no parameters)`,
        definition.podSecurity ? 'the Pod Security set implements the Standards exactly; pick the level and version with podSecurityLevel and podSecurityVersion' : 'remove the parameter',
      );
    }
  }
  // The library's entries of a list parameter are the least the policy enforces: raw parameters add to them.
  for (const [name, defaults] of Object.entries(definition.defaultParameters)) {
    const given = parameters[name];
    if (!Array.isArray(defaults) || given === undefined) {
      continue;
    }
    const dropped = defaults.filter((d) => !Array.isArray(given) || !given.includes(d));
    if (dropped.length > 0) {
      throw invalidProp(
        construct,
        `${prop}.parameters.${name}`,
        given,
        `a list that keeps the library's entries ${JSON.stringify(defaults)} and adds to them`,
        `add ${dropped.map((d) => JSON.stringify(d)).join(', ')} back, or leave ${name} out to keep the library's list`,
      );
    }
  }
  // Raw parameters are one more way to exempt images: the same rules as exemptImages.
  const rawImages = parameters.exemptImages;
  if (rawImages !== undefined) {
    if (!Array.isArray(rawImages)) {
      throw invalidProp(construct, `${prop}.parameters.exemptImages`, rawImages, 'a list of images', 'use the exemptImages option');
    }
    rawImages.forEach((image) => validateExemptImage(construct, `${prop}.parameters.exemptImages`, image));
  }
}

/** The RBAC parameters a user may give: exact allowlists; the exempt namespaces come from the exemption model only. */
function validateRbacParameters(construct: string, prop: string, parameters: Record<string, any>): void {
  if ('exemptNamespaces' in parameters) {
    throw invalidProp(construct, `${prop}.parameters`, 'exemptNamespaces', 'allowedSubjects, allowedRoles', 'exempt a namespace with excludedNamespaces, which every constraint reads');
  }
  for (const [key, check] of [
    ['allowedSubjects', (v: any) => validateRbacSubject(construct, `${prop}.parameters.allowedSubjects`, v)],
    ['allowedRoles', (v: any) => validateAllowedRole(construct, `${prop}.parameters.allowedRoles`, v)],
  ] as const) {
    const value = parameters[key];
    if (value !== undefined && !Array.isArray(value)) {
      throw invalidProp(construct, `${prop}.parameters.${key}`, value, 'a list', `pass ${key} as a list`);
    }
    (value ?? []).forEach(check);
  }
}

function validateAction(construct: string, prop: string, action: EnforcementAction | undefined): void {
  if (action !== undefined && !Object.values(EnforcementAction).includes(action)) {
    throw invalidProp(construct, prop, action, Object.values(EnforcementAction).join(', '), 'use EnforcementAction.DENY (or DRYRUN/WARN while rolling a policy out)');
  }
}
