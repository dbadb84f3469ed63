import { Labels } from '@cdktf/provider-kubernetes/lib/labels';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { DefaultServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/default-service-account-v1';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { HardenedK8sError, missingProp } from '../../errors';
import { IKubernetesCluster, PolicyEngine } from '../cluster';
import { AddonInstallContext, IClusterAddon } from '../addons/addon';
import { orderAddons, PlatformComponent } from '../addons/addon-order';
import { FalcoAddon, FalcoAddonProps } from '../addons/falco/falco-addon';
import { GatekeeperAddon, GatekeeperAddonProps } from '../addons/gatekeeper/gatekeeper-addon';
import { GatekeeperPoliciesAddon, ConstraintOptions } from '../addons/gatekeeper-policies/gatekeeper-policies-addon';
import { EnforcementAction, GatekeeperPolicy } from '../addons/gatekeeper-policies/gatekeeper-policy';
import { RbacSubject, RbacSubjectKind } from '../addons/gatekeeper-policies/rbac-subject';
import { IstioAddon, IstioAddonProps } from '../addons/istio/istio-addon';
import { KubeBenchAddon, KubeBenchAddonProps } from '../addons/kube-bench/kube-bench-addon';
import { TrivyOperatorAddon, TrivyOperatorAddonProps } from '../addons/trivy/trivy-addon';
import { HardenedNamespace, NamespaceLimitRange, NamespaceResourceQuota } from '../namespace/hardened-namespace';
import { NamespaceTenant } from '../namespace/namespace-tenant';
import { PodSecurityLevel } from '../namespace/pod-security';
import { podSecurityLabelValues } from '../namespace/pod-security-label-values';
import { PodSecurityVersion } from '../namespace/pod-security-version';
import { validatePodSecurityVersion } from '../namespace/pod-security-version-validation';
import { TENANT_ROLE_NAME } from '../namespace/tenant-role';
import { recordServedCluster } from '../served-cluster';
import { configureProviders } from './providers';
import { libraryScope } from '../../scope';
import { requireProps } from '../../validation';

/** A workload namespace the baseline creates (as a HardenedNamespace). */
export interface BaselineNamespace {
  /** Namespace name (a DNS label). */
  readonly name: string;
  /**
   * Inject Istio sidecars (label the namespace for the mesh's revision) when the mesh is on.
   * @default true
   */
  readonly meshInjection?: boolean;
  /**
   * Allow traffic between pods of the namespace.
   * @default false
   */
  readonly allowSameNamespaceTraffic?: boolean;
  /**
   * A ResourceQuota for the namespace.
   * @default - none
   */
  readonly resourceQuota?: NamespaceResourceQuota;
  /**
   * A LimitRange for the namespace.
   * @default - none
   */
  readonly limitRange?: NamespaceLimitRange;
  /**
   * The tenant: Entra ID groups bound to the namespace's tenant role (manages workloads; no Secrets, no
   * exec, attach or port-forward unless opted in).
   * @default - no tenant role or binding
   */
  readonly tenant?: NamespaceTenant;
}

/** Props of {@link ClusterBaseline}. */
export interface ClusterBaselineProps {
  /** The cluster to harden (HardenedAksCluster, HardenedRke2Cluster or ExistingCluster.fromAttributes). */
  readonly cluster: IKubernetesCluster;
  /**
   * Registries workload images may come from (CIS AKS 1.8 5.1.4), each a host ending in `/`, e.g.
   * `myacr.azurecr.io/`. Required when the Gatekeeper policy library is installed.
   * @default - none (an error when the policy library is installed)
   */
  readonly allowedRegistries?: string[];
  /**
   * Install OPA Gatekeeper with the baseline's CEL policy library.
   * @default - true when `cluster.policyEngine` is GATEKEEPER; false with AZURE_POLICY (which runs Microsoft's Gatekeeper)
   */
  readonly gatekeeper?: boolean;
  /**
   * Gatekeeper chart options.
   * @default - pinned chart, hardened values
   */
  readonly gatekeeperOptions?: GatekeeperAddonProps;
  /**
   * Enforcement action of every constraint of the policy library.
   * @default EnforcementAction.DENY (CIS AKS 1.8 4.2.1-4.2.5, 5.1.4)
   */
  readonly policyEnforcementAction?: EnforcementAction;
  /**
   * Namespaces every constraint skips besides the cluster's system namespaces (those of
   * `GatekeeperPoliciesAddon.SYSTEM_NAMESPACES` for its distribution, always skipped) and the namespaces the baseline creates for its own agents and the mesh. By name, no
   * wildcards; the list extends the system list, never replaces it. Each namespace here may hold
   * workloads, so each is a `gatekeeper-constraint-exemptions` finding that needs a waiver.
   * @default - none (CIS AKS 1.8 4.2.1-4.2.5, 5.1.4 apply to every namespace but the system and agent ones)
   */
  readonly policyExcludedNamespaces?: string[];
  /**
   * Per-policy settings of the policy library.
   * @default - every policy on, enforcing
   */
  readonly policyConstraints?: ConstraintOptions[];
  /**
   * Subjects the RBAC policies let be bound to cluster-admin, admin, edit and the built-in roles that grant
   * secrets, pod creation, escalation and the other guarded permissions (break-glass accounts, platform
   * automation). The cluster's `adminGroupObjectIds` are allowed already. Exact names only.
   * @default - the cluster's administrator groups only (CIS AKS 1.8 4.1.1)
   */
  readonly rbacAllowedSubjects?: RbacSubject[];
  /**
   * Pod Security Standards version of the whole baseline: every namespace it creates or labels pins it,
   * and the Gatekeeper Pod Security policies implement its checks exactly as Pod Security Admission
   * does. Pin the minor your cluster runs.
   * @default PodSecurityVersion.DEFAULT (v1.36; CIS AKS 1.8 4.2.1-4.2.5, 4.6.2)
   */
  readonly podSecurityVersion?: PodSecurityVersion;
  /**
   * Run the Istio mesh (strict mTLS, allow-nothing authorization baseline).
   * @default true
   */
  readonly istio?: boolean;
  /**
   * Istio options (allowed service-to-service paths, outbound policy, version).
   * @default - REGISTRY_ONLY outbound, no allowed paths
   */
  readonly istioOptions?: IstioAddonProps;
  /**
   * Install the Trivy Operator (CIS AKS 1.8 5.1.1 in-cluster counterpart).
   * @default true
   */
  readonly trivy?: boolean;
  /**
   * Trivy Operator options.
   * @default - pinned chart, every scanner on
   */
  readonly trivyOptions?: TrivyOperatorAddonProps;
  /**
   * Install Falco runtime threat detection.
   * @default true
   */
  readonly falco?: boolean;
  /**
   * Falco options.
   * @default - pinned chart, modern eBPF driver, no Falcosidekick
   */
  readonly falcoOptions?: FalcoAddonProps;
  /**
   * Run kube-bench on a schedule.
   * @default true
   */
  readonly kubeBench?: boolean;
  /**
   * kube-bench options.
   * @default - daily at 03:00 UTC with the cluster's CIS benchmark
   */
  readonly kubeBenchOptions?: KubeBenchAddonProps;
  /**
   * Workload namespaces to create as HardenedNamespaces.
   * @default - none
   */
  readonly namespaces?: BaselineNamespace[];
  /**
   * Your own add-ons, ordered together with the built-in ones by their dependencies.
   * @default - none
   */
  readonly addons?: IClusterAddon[];
  /**
   * Label the `default` namespace Pod Security restricted, give it a default-deny NetworkPolicy and turn
   * off its service account token (CIS AKS 1.8 4.6.3).
   * @default true
   */
  readonly hardenDefaultNamespace?: boolean;
}

/**
 * The in-cluster security baseline of one cluster, in its own stacks after the infrastructure stack.
 *
 * Why three stacks: the kubernetes and helm providers are configured from the cluster's endpoint, and
 * Terraform plans a `kubernetes_manifest` by asking the API server for the schema of its kind. A custom
 * resource therefore cannot be planned before its CRD exists. `cdktf deploy` plans and applies stacks
 * one after the other, so: `<id>-charts` (Helm add-ons and plain Kubernetes objects), then `<id>-objects`
 * (custom resources whose CRDs the charts install: ConstraintTemplates, PeerAuthentication,
 * AuthorizationPolicy, SecretProviderClass), then `<id>-policies` (Gatekeeper constraints, whose CRDs
 * Gatekeeper generates from the templates). Each waits for the previous one, and the charts stack for
 * the stack of the cluster when the cluster is a construct of this app.
 *
 * The three stacks are direct children of the App wherever the baseline itself is created (the cdktf
 * CLI finds stacks by name), so a waiver for their resources goes on `chartsStack`, `objectsStack`,
 * `policiesStack` or a construct in them.
 */
export class ClusterBaseline extends Construct {
  /** Stack of Helm releases and plain Kubernetes objects. */
  public readonly chartsStack: TerraformStack;
  /** Stack of custom resources whose CRDs the charts install. */
  public readonly objectsStack: TerraformStack;
  /** Stack of Gatekeeper constraints. */
  public readonly policiesStack: TerraformStack;
  /** The cluster being hardened. */
  public readonly cluster: IKubernetesCluster;
  /** The Istio add-on when the mesh is on. */
  public readonly istio?: IstioAddon;
  /** The Pod Security Standards version the baseline's namespaces pin and its policies implement. */
  public readonly podSecurityVersion: PodSecurityVersion;
  private readonly context: AddonInstallContext;
  private readonly policies?: GatekeeperPoliciesAddon;
  private readonly installed: IClusterAddon[] = [];
  private readonly platform: PlatformComponent[];

  constructor(scope: Construct, id: string, props: ClusterBaselineProps) {
    super(libraryScope(scope, id, 'ClusterBaseline'), id);
    requireProps(`ClusterBaseline ${this.node.path}`, props, 'pass ClusterBaselineProps with the cluster');
    if (!props.cluster) {
      throw missingProp(`ClusterBaseline ${this.node.path}`, 'cluster', 'pass a HardenedAksCluster, HardenedRke2Cluster or ExistingCluster.fromAttributes(...)');
    }
    const cluster = props.cluster;
    this.cluster = cluster;
    this.podSecurityVersion = props.podSecurityVersion ?? PodSecurityVersion.DEFAULT;
    validatePodSecurityVersion(`ClusterBaseline ${this.node.path}`, 'podSecurityVersion', this.podSecurityVersion);
    this.platform = cluster.policyEngine === PolicyEngine.AZURE_POLICY
      ? [{ id: 'azure-policy', description: "the AKS Azure Policy add-on (Microsoft's managed Gatekeeper in gatekeeper-system); two Gatekeepers on one cluster fight over the same webhooks and CRDs" }]
      : [];

    [this.chartsStack, this.objectsStack, this.policiesStack] = baselineStacks(this, [`${id}-charts`, `${id}-objects`, `${id}-policies`]);
    const infrastructure = stackOf(cluster);
    if (infrastructure) {
      this.chartsStack.addDependency(infrastructure);
    }
    recordServedCluster(this, {
      baselinePath: this.node.path,
      stackNames: [this.chartsStack, this.objectsStack, this.policiesStack].map((s) => s.node.id),
      reportStackName: this.chartsStack.node.id,
      clusterPath: infrastructure ? (cluster as unknown as IConstruct).node.path : undefined,
      clusterName: cluster.clusterName,
      policyEngine: cluster.policyEngine,
    });
    this.objectsStack.addDependency(this.chartsStack);
    this.policiesStack.addDependency(this.objectsStack);
    configureProviders(this.chartsStack, cluster, true);
    configureProviders(this.objectsStack, cluster, false);
    configureProviders(this.policiesStack, cluster, false);
    this.context = { cluster, chartScope: this.chartsStack, objectScope: this.objectsStack, policyScope: this.policiesStack, podSecurityVersion: this.podSecurityVersion };

    const addons: IClusterAddon[] = [];
    const gatekeeper = props.gatekeeper ?? cluster.policyEngine !== PolicyEngine.AZURE_POLICY;
    let policies: GatekeeperPoliciesAddon | undefined;
    if (gatekeeper) {
      if (!props.allowedRegistries || props.allowedRegistries.length === 0) {
        throw missingProp(
          `ClusterBaseline ${this.node.path}`,
          'allowedRegistries',
          'list the registries workload images come from, e.g. ["myacr.azurecr.io/"] (CIS AKS 1.8 5.1.4), or set gatekeeper: false',
        );
      }
      policies = new GatekeeperPoliciesAddon({
        allowedRegistries: props.allowedRegistries,
        enforcementAction: props.policyEnforcementAction,
        excludedNamespaces: props.policyExcludedNamespaces,
        constraints: props.policyConstraints,
        podSecurityVersion: this.podSecurityVersion,
        rbacAllowedSubjects: props.rbacAllowedSubjects,
      });
      policies.allowRbacSubjects((cluster.adminGroupObjectIds ?? []).map((name) => ({ kind: RbacSubjectKind.GROUP, name })));
      this.policies = policies;
      addons.push(new GatekeeperAddon(props.gatekeeperOptions), policies);
    }
    if (props.istio ?? true) {
      this.istio = new IstioAddon(props.istioOptions);
      addons.push(this.istio);
    }
    const nodeAgents: string[] = [];
    if (props.trivy ?? true) {
      const trivy = new TrivyOperatorAddon(props.trivyOptions);
      nodeAgents.push(trivy.namespace);
      addons.push(trivy);
    }
    if (props.falco ?? true) {
      const falco = new FalcoAddon(props.falcoOptions);
      nodeAgents.push(falco.namespace);
      addons.push(falco);
    }
    if (props.kubeBench ?? true) {
      const kubeBench = new KubeBenchAddon(props.kubeBenchOptions);
      nodeAgents.push(kubeBench.namespace);
      addons.push(kubeBench);
    }
    if (policies) {
      policies.excludeNamespaces(nodeAgents);
      if (this.istio) {
        policies.allowRegistries([this.istio.sidecarRegistry(cluster)]);
        if (!cluster.managedIstioRevision) {
          policies.excludeNamespaces([this.istio.rootNamespace(cluster)]);
        }
      }
    }
    addons.push(...(props.addons ?? []));
    // Namespaces first: the mesh's traffic rules (istioOptions) name them and check they are in the mesh.
    for (const ns of props.namespaces ?? []) {
      this.addNamespace(ns);
    }
    this.installAll(addons);

    if (props.hardenDefaultNamespace ?? true) {
      this.hardenDefaultNamespace();
    }
  }

  /** Ids of the installed add-ons, in install order. */
  public get addonIds(): string[] {
    return this.installed.map((a) => a.addonId);
  }

  /**
   * Installs an add-on of your own after the built-in ones. Its dependencies must already be installed
   * (pass add-ons that depend on each other together through the `addons` prop to have them ordered).
   */
  public addAddon(addon: IClusterAddon): void {
    this.installAll([addon]);
  }

  /**
   * Creates a workload namespace as a HardenedNamespace, labelled for the mesh when it is on. A tenant role
   * that opts into reading secrets is admitted past the RBAC_SECRETS_READ policy (its `k8s-rbac-secrets-read`
   * finding still needs a waiver).
   */
  public addNamespace(namespace: BaselineNamespace): HardenedNamespace {
    const mesh = this.istio && (namespace.meshInjection ?? true);
    const revision = mesh ? this.istio!.injectionRevision(this.cluster) : undefined;
    const created = new HardenedNamespace(this.chartsStack, `namespace-${namespace.name}`, {
      name: namespace.name,
      podSecurityVersion: this.podSecurityVersion,
      istioRevision: revision,
      istioInjection: mesh && !revision ? true : undefined,
      meshControlPlaneNamespace: mesh ? this.istio!.rootNamespace(this.cluster) : undefined,
      allowSameNamespaceTraffic: namespace.allowSameNamespaceTraffic,
      resourceQuota: namespace.resourceQuota,
      limitRange: namespace.limitRange,
      tenant: namespace.tenant,
    });
    if (namespace.tenant?.secretsRead === true && this.policies) {
      this.policies.allowRbacRoles(GatekeeperPolicy.RBAC_SECRETS_READ, [`${namespace.name}/${TENANT_ROLE_NAME}`]);
    }
    return created;
  }

  private installAll(addons: IClusterAddon[]): void {
    for (const addon of orderAddons(addons, this.installed, this.platform)) {
      addon.install(this.context);
      this.installed.push(addon);
    }
  }

  /** The `default` namespace exists already: label it and give it the same guard rails (CIS AKS 1.8 4.6.3). */
  private hardenDefaultNamespace(): void {
    const scope = new Construct(this.chartsStack, 'default-namespace');
    new Labels(scope, 'pod-security', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'default' },
      force: true,
      labels: podSecurityLabelValues(PodSecurityLevel.RESTRICTED, this.podSecurityVersion),
    });
    new DefaultServiceAccountV1(scope, 'default-service-account', {
      metadata: { namespace: 'default' },
      automountServiceAccountToken: false,
    });
    new NetworkPolicyV1(scope, 'default-deny', {
      metadata: { name: 'default-deny', namespace: 'default' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
  }
}

/**
 * The baseline's stacks, direct children of the App wherever the baseline is (the cdktf CLI finds a
 * stack by name, the manifest records its dependencies by construct path). Every name is checked
 * before any stack is created.
 */
function baselineStacks(baseline: ClusterBaseline, names: string[]): TerraformStack[] {
  const app = baseline.node.root;
  for (const name of names) {
    const existing = app.node.tryFindChild(name);
    if (existing) {
      throw new HardenedK8sError(
        `ClusterBaseline ${baseline.node.path}: its stack "${name}" cannot be created, the App already has a ${TerraformStack.isStack(existing) ? 'stack' : 'construct'} ` +
          `named "${name}". The baseline's stacks are direct children of the App, named after the baseline's id (${names.join(', ')}). ` +
          'Fix: give the baseline (or the other construct) an id of its own.',
      );
    }
  }
  return names.map((name) => new TerraformStack(app, name));
}

/** The stack of a cluster that is a construct of this app (HardenedAksCluster, HardenedRke2Cluster). */
function stackOf(cluster: IKubernetesCluster): TerraformStack | undefined {
  const candidate = cluster as unknown as IConstruct;
  if (candidate && typeof candidate === 'object' && 'node' in candidate && Construct.isConstruct(candidate)) {
    return TerraformStack.of(candidate);
  }
  return undefined;
}
