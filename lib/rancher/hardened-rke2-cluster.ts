import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp, missingProp, tokenNotAllowed } from '../errors';
import { ClusterEndpoint, IKubernetesCluster, KubernetesDistribution, PolicyEngine } from '../kubernetes/cluster';
import { validateRegistryPrefix } from '../kubernetes/addons/gatekeeper-policies/registry-host';
import { admissionConfiguration, SYSTEM_NAMESPACES } from './admission-config';
import { validateExemptNamespace } from '../kubernetes/exemption-validation';
import { auditPolicy } from './audit-policy';
import { Rancher2CloudCredential } from './bindings/cloud-credential';
import { Rancher2ClusterV2 } from './bindings/cluster-v2';
import { Rancher2ClusterV2MachineLabelSelector, Rancher2ClusterV2MachinePool, Rancher2ClusterV2MachineSelectorConfig } from './bindings/cluster-v2-structs';
import { Rancher2MachineConfigV2 } from './bindings/machine-config-v2';
import { requireSensitiveReference } from './bindings/sensitive';
import { cloudConfig, renderCloudConfig } from './cloud-init';
import { imageAdmissionPolicy, renderManifest } from './image-admission-policy';
import { Rke2NodeFiles } from './node-files';
import { RKE2_DEFAULT_DATA_DIR, secretsEncryptionProblems } from './rke2-secrets-encryption';
import { KubeletCipherSuites, Rke2Cni } from './rke2-settings';
import { rke2Minor, validateRke2Version } from './rke2-version';
import { PodSecurityVersion } from '../kubernetes/namespace/pod-security-version';
import { validatePodSecurityVersion } from '../kubernetes/namespace/pod-security-version-validation';
import { libraryScope } from '../scope';
import { validateDnsLabel } from '../validation';

/** A machine pool of a HardenedRke2Cluster: Azure VMs on a private subnet, no public IP. */
export interface Rke2MachinePool {
  /** Pool name (a DNS label), unique in the cluster. */
  readonly name: string;
  /**
   * Number of machines.
   * @default 1
   */
  readonly quantity?: number;
  /**
   * Machines run etcd.
   * @default false
   */
  readonly etcdRole?: boolean;
  /**
   * Machines run the control plane.
   * @default false
   */
  readonly controlPlaneRole?: boolean;
  /**
   * Machines run workloads.
   * @default false
   */
  readonly workerRole?: boolean;
  /**
   * Azure VM size.
   * @default "Standard_D4s_v5"
   */
  readonly vmSize?: string;
  /**
   * OS disk size in GB (a managed Premium SSD).
   * @default 128
   */
  readonly osDiskSizeGb?: number;
  /**
   * Subnet of the pool's machines (private: the machines get no public IP).
   * @default - the cluster's subnetName
   */
  readonly subnetName?: string;
  /**
   * Availability zone of the pool's machines.
   * @default - no zone
   */
  readonly availabilityZone?: string;
}

/** An extra `machine_selector_config` entry: RKE2 config keys for the machines a selector matches. */
export interface Rke2MachineSelectorConfig {
  /**
   * RKE2 config keys as a JSON object, e.g. `{"node-label":["tier=web"]}`. It may not set `profile` or
   * `protect-kernel-defaults` to anything but the hardened values, nor weaken secrets encryption
   * (`secrets-encryption: false`, a provider other than aescbc or secretbox, a kube-apiserver-arg
   * `encryption-provider-config`); `protect-kernel-defaults: true` is always added, because the provider's
   * default for an entry is `false`, which stops a CIS-profile node.
   */
  readonly config: string;
  /**
   * Machines the entry applies to.
   * @default - every machine
   */
  readonly machineLabelSelector?: Rancher2ClusterV2MachineLabelSelector;
}

/** Props of {@link HardenedRke2Cluster}. */
export interface HardenedRke2ClusterProps {
  /** Cluster name in Rancher (a DNS label). */
  readonly clusterName: string;
  /** Pinned RKE2 release `v1.xx.y+rke2rN` (v1.27 or newer, for `profile: cis`). */
  readonly kubernetesVersion: string;
  /** Application (client) id of the service principal Rancher creates the VMs with. */
  readonly azureClientId: string;
  /**
   * Client secret of that service principal: a sensitive TerraformVariable or a Key Vault secret
   * (`DataAzurermKeyVaultSecret.value`). A literal string is an error.
   */
  readonly azureClientSecret: string;
  /** Subscription the VMs are created in. */
  readonly azureSubscriptionId: string;
  /**
   * Tenant of the service principal.
   * @default - looked up by Rancher
   */
  readonly azureTenantId?: string;
  /** Azure region of the VMs, e.g. `westeurope`. */
  readonly location: string;
  /** Resource group of the VMs. */
  readonly resourceGroupName: string;
  /** Virtual network of the machines, `[resourcegroup:]name`. */
  readonly virtualNetworkName: string;
  /** Private subnet of the machines (pools may name another). */
  readonly subnetName: string;
  /** Network security group (name or resource id) of the machines; manage its rules yourself (no inbound from the Internet). */
  readonly networkSecurityGroup: string;
  /**
   * Registries pods may pull from, each a host ending in `/` (e.g. `myacr.azurecr.io/`), enforced at admission by
   * a ValidatingAdmissionPolicy the cluster ships (CIS RKE2 1.8 5.5.1).
   */
  readonly allowedRegistries: string[];
  /**
   * Machine pools; at least one etcd and one control-plane pool, an odd number of etcd machines.
   * @default - "control-plane": 3 machines with etcd and control plane; "worker": 3 worker machines
   */
  readonly machinePools?: Rke2MachinePool[];
  /**
   * Marketplace image `publisher:offer:sku:version` of every machine.
   * @default "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest"
   */
  readonly vmImage?: string;
  /**
   * Fleet namespace of the cluster and machine configs.
   * @default "fleet-default"
   */
  readonly fleetNamespace?: string;
  /**
   * The CNI (fixed at creation).
   * @default Rke2Cni.CALICO (CIS RKE2 1.8 5.3.1)
   */
  readonly cni?: Rke2Cni;
  /**
   * Kubelet `pod-max-pids`.
   * @default 4096 (CIS RKE2 1.8 4.2.13)
   */
  readonly podMaxPids?: number;
  /**
   * Add `AlwaysPullImages` to the API server's admission plugins.
   * @default true (CIS RKE2 1.8 1.2.11)
   */
  readonly alwaysPullImages?: boolean;
  /**
   * Add `EventRateLimit` with its configuration. The API server reads one admission configuration file, so
   * the cluster then ships its own (Pod Security restricted plus EventRateLimit) and no Rancher Pod Security
   * Admission template may be set.
   * @default true (CIS RKE2 1.8 1.2.9)
   */
  readonly eventRateLimit?: boolean;
  /**
   * A Rancher Pod Security Admission configuration template (e.g. `rancher-restricted`) instead of the
   * cluster's own admission configuration. Rancher then owns the admission configuration file, so
   * `eventRateLimit` must be false.
   * @default - none: the cluster's own admission configuration enforces Pod Security restricted (CIS RKE2 1.8 5.2.1-5.2.13)
   */
  readonly defaultPodSecurityAdmissionConfigurationTemplateName?: string;
  /**
   * Namespaces exempt from Pod Security restricted, by name (no wildcards), in addition to the RKE2,
   * Rancher and Calico system namespaces. A namespace that is neither a system namespace nor one the
   * library creates for its agents may hold workloads, so exempting it fails `rke2-pod-security-restricted`
   * unless waived.
   * @default - none (CIS RKE2 1.8 5.2.1-5.2.13 apply to every other namespace)
   */
  readonly podSecurityExemptNamespaces?: string[];
  /**
   * The Pod Security Standards version the cluster-wide admission configuration pins (enforce, audit and
   * warn), so an RKE2 upgrade does not change what is admitted.
   * @default - the Kubernetes minor of kubernetesVersion (v1.32 for "v1.32.5+rke2r1"), within
   * PodSecurityVersion.all(); PodSecurityVersion.DEFAULT when kubernetesVersion is a token (CIS RKE2 1.8 5.2.x)
   */
  readonly podSecurityVersion?: PodSecurityVersion;
  /**
   * Namespaces the allowed-registries policy skips, by name (no wildcards), in addition to the RKE2,
   * Rancher and Calico system namespaces. As for `podSecurityExemptNamespaces`, a namespace that may hold
   * workloads fails `rke2-image-provenance` unless waived; system and agent namespaces do not.
   * @default - none (CIS RKE2 1.8 5.5.1 applies to every other namespace)
   */
  readonly imagePolicyExemptNamespaces?: string[];
  /**
   * API server audit log retention in days (`audit-log-maxage`).
   * @default 30 (CIS RKE2 1.8 1.2.18)
   */
  readonly auditLogMaxAgeDays?: number;
  /**
   * Rotated audit log files kept (`audit-log-maxbackup`).
   * @default 10 (CIS RKE2 1.8 1.2.19)
   */
  readonly auditLogMaxBackups?: number;
  /**
   * Audit log size in MB before rotation (`audit-log-maxsize`).
   * @default 100 (CIS RKE2 1.8 1.2.20)
   */
  readonly auditLogMaxSizeMb?: number;
  /**
   * etcd snapshot schedule (cron, UTC).
   * @default "0 *\/5 * * *"
   */
  readonly etcdSnapshotScheduleCron?: string;
  /**
   * etcd snapshots kept.
   * @default 5
   */
  readonly etcdSnapshotRetention?: number;
  /**
   * Rancher project network isolation (`enable_network_policy`).
   * @default true
   */
  readonly enableNetworkPolicy?: boolean;
  /**
   * Extra `machine_selector_config` entries.
   * @default - none (profile and protect-kernel-defaults come from machine_global_config for every node)
   */
  readonly machineSelectorConfigs?: Rke2MachineSelectorConfig[];
}

const DEFAULT_POOLS: Rke2MachinePool[] = [
  { name: 'control-plane', quantity: 3, etcdRole: true, controlPlaneRole: true },
  { name: 'worker', quantity: 3, workerRole: true },
];
const CRON = /^(\S+\s+){4}\S+$/;
/** Keys of the global config a selector entry may not change. */
const PROTECTED_KEYS: Array<[string, unknown]> = [
  ['profile', 'cis'],
  ['protect-kernel-defaults', true],
];

/**
 * A Rancher-provisioned RKE2 cluster on Azure, hardened for the CIS RKE2 benchmark: `profile: cis` with
 * the host prepared for it by cloud-init (kernel parameters, etcd user), a real audit policy and audit log
 * flags, the admission plugins CIS asks for (NodeRestriction, AlwaysPullImages, DenyServiceExternalIPs,
 * EventRateLimit), Pod Security restricted, strong kubelet ciphers and a PID limit, Calico, scheduled etcd
 * snapshots, and machines on private subnets without public IPs. It is an IKubernetesCluster: the
 * kubernetes and helm providers reach it through Rancher with the cluster's (sensitive) kubeconfig.
 */
export class HardenedRke2Cluster extends Construct implements IKubernetesCluster {
  public readonly clusterName: string;
  /** The pinned RKE2 release, e.g. `v1.32.5+rke2r1`. */
  public readonly kubernetesVersion?: string;
  public readonly distribution = KubernetesDistribution.RKE2;
  public readonly policyEngine = PolicyEngine.GATEKEEPER;
  public readonly secretsStoreCsiManaged = false;
  public readonly endpoint: ClusterEndpoint;
  /** The `rancher2_cluster_v2` resource. */
  public readonly cluster: Rancher2ClusterV2;
  /** The Azure cloud credential Rancher creates the machines with. */
  public readonly cloudCredential: Rancher2CloudCredential;
  /** One machine config per pool, in pool order. */
  public readonly machineConfigs: Rancher2MachineConfigV2[];
  /** RKE2 config keys every node gets (`machine_global_config`, as JSON). */
  public readonly machineGlobalConfig: string;

  constructor(scope: Construct, id: string, props: HardenedRke2ClusterProps) {
    super(libraryScope(scope, id, 'HardenedRke2Cluster'), id);
    const construct = `HardenedRke2Cluster ${this.node.path}`;
    validateProps(construct, props);
    const pools = props.machinePools ?? DEFAULT_POOLS;
    validatePools(construct, pools);
    const eventRateLimit = props.eventRateLimit ?? true;
    const psact = props.defaultPodSecurityAdmissionConfigurationTemplateName;
    if (eventRateLimit && psact !== undefined) {
      throw invalidProp(
        construct,
        'defaultPodSecurityAdmissionConfigurationTemplateName',
        psact,
        'unset while eventRateLimit is true (Rancher replaces the API server admission configuration file with its own, which has no EventRateLimit configuration, and the API server would not start)',
        'leave it unset (the cluster enforces Pod Security restricted itself), or set eventRateLimit: false and waive rke2-event-rate-limit',
      );
    }
    const fleetNamespace = props.fleetNamespace ?? 'fleet-default';
    this.clusterName = props.clusterName;
    this.kubernetesVersion = props.kubernetesVersion;

    this.cloudCredential = new Rancher2CloudCredential(this, 'cloud-credential', {
      name: `${props.clusterName}-azure`,
      description: `Service principal Rancher creates the VMs of ${props.clusterName} with`,
      azureCredentialConfig: {
        clientId: props.azureClientId,
        clientSecret: props.azureClientSecret,
        subscriptionId: props.azureSubscriptionId,
        tenantId: props.azureTenantId,
        environment: 'AzurePublicCloud',
      },
    });

    const exemptNamespaces = sortedUnique([...SYSTEM_NAMESPACES, ...(props.podSecurityExemptNamespaces ?? [])]);
    const podSecurityVersion = props.podSecurityVersion ?? podSecurityVersionOf(props.kubernetesVersion);
    validatePodSecurityVersion(construct, 'podSecurityVersion', podSecurityVersion);
    const admissionConfig = psact === undefined ? JSON.stringify(admissionConfiguration(exemptNamespaces, eventRateLimit, podSecurityVersion)) : undefined;
    const files = { auditPolicy: JSON.stringify(auditPolicy()), admissionConfig };

    this.machineConfigs = pools.map(
      (pool) =>
        new Rancher2MachineConfigV2(this, `machine-config-${pool.name}`, {
          generateName: `${props.clusterName}-${pool.name}`,
          fleetNamespace,
          azureConfig: {
            image: props.vmImage ?? 'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest',
            size: pool.vmSize ?? 'Standard_D4s_v5',
            location: props.location,
            resourceGroup: props.resourceGroupName,
            vnet: props.virtualNetworkName,
            subnet: pool.subnetName ?? props.subnetName,
            nsg: props.networkSecurityGroup,
            availabilityZone: pool.availabilityZone,
            managedDisks: true,
            diskSize: String(pool.osDiskSizeGb ?? 128),
            storageType: 'Premium_LRS',
            usePrivateIp: true,
            privateAddressOnly: true,
            noPublicIp: true,
            staticPublicIp: false,
            openPort: [],
            customData: renderCloudConfig(cloudConfig({ etcd: pool.etcdRole ?? false, controlPlane: pool.controlPlaneRole ?? false }, files)),
            environment: 'AzurePublicCloud',
          },
        }),
    );

    const globalConfig = machineGlobalConfig(props, eventRateLimit, psact);
    this.machineGlobalConfig = JSON.stringify(globalConfig);
    const imageExempt = sortedUnique([...SYSTEM_NAMESPACES, ...(props.imagePolicyExemptNamespaces ?? [])]);
    const drain = { enabled: true, ignoreDaemonSets: true, deleteEmptyDirData: true, timeout: 600 };

    this.cluster = new Rancher2ClusterV2(this, 'cluster', {
      name: props.clusterName,
      kubernetesVersion: props.kubernetesVersion,
      fleetNamespace,
      cloudCredentialSecretName: this.cloudCredential.id,
      defaultPodSecurityAdmissionConfigurationTemplateName: psact,
      enableNetworkPolicy: props.enableNetworkPolicy ?? true,
      rkeConfig: {
        machineGlobalConfig: this.machineGlobalConfig,
        additionalManifest: renderManifest(imageAdmissionPolicy(props.allowedRegistries, imageExempt)),
        machinePools: pools.map((pool, i) => machinePool(pool, this.machineConfigs[i], this.cloudCredential.id)),
        machineSelectorConfig: (props.machineSelectorConfigs ?? []).length
          ? props.machineSelectorConfigs!.map((entry, i) => selectorEntry(construct, entry, i))
          : undefined,
        etcd: {
          disableSnapshots: false,
          snapshotScheduleCron: props.etcdSnapshotScheduleCron ?? '0 */5 * * *',
          snapshotRetention: props.etcdSnapshotRetention ?? 5,
        },
        upgradeStrategy: {
          controlPlaneConcurrency: '1',
          workerConcurrency: '1',
          controlPlaneDrainOptions: drain,
          workerDrainOptions: drain,
        },
      },
    });

    // The kubeconfig Rancher issues for the cluster: its server is Rancher's proxy URL and its user a
    // Rancher token. Read with Terraform functions so the values stay sensitive references.
    const kubeConfig = Fn.yamldecode(this.cluster.kubeConfig);
    this.endpoint = {
      host: Token.asString(Fn.lookupNested(kubeConfig, ['clusters', 0, 'cluster', 'server'])),
      // Absent when Rancher's certificate is publicly trusted: then "" (no CA), and the system trust store applies.
      clusterCaCertificate: Token.asString(Fn.try([Fn.lookupNested(kubeConfig, ['clusters', 0, 'cluster', 'certificate-authority-data']), ''])),
      token: Token.asString(Fn.lookupNested(kubeConfig, ['users', 0, 'user', 'token'])),
    };
  }

  /** Management cluster id (`c-m-xxxxx`): the `cluster_id` of Rancher apps, projects and role bindings. */
  public get clusterV1Id(): string {
    return this.cluster.clusterV1Id;
  }

  /** The cluster's kubeconfig (sensitive). */
  public get kubeConfig(): string {
    return this.cluster.kubeConfig;
  }
}

function validateProps(construct: string, props: HardenedRke2ClusterProps): void {
  if (!props) {
    throw missingProp(construct, 'props', 'pass clusterName, kubernetesVersion, the Azure credential and network settings');
  }
  const required: Array<[keyof HardenedRke2ClusterProps, string]> = [
    ['clusterName', 'a DNS label such as "rke2-prod"'],
    ['kubernetesVersion', 'a pinned RKE2 release such as "v1.32.5+rke2r1"'],
    ['azureClientId', 'the application (client) id of the service principal'],
    ['azureClientSecret', 'a sensitive TerraformVariable or a Key Vault secret value'],
    ['azureSubscriptionId', 'the subscription id the machines go to'],
    ['location', 'an Azure region such as "westeurope"'],
    ['resourceGroupName', 'the resource group of the machines'],
    ['virtualNetworkName', 'the virtual network of the machines'],
    ['subnetName', 'a private subnet of that network'],
    ['networkSecurityGroup', 'the name or id of an NSG with no inbound rule from the Internet'],
  ];
  for (const [prop, fix] of required) {
    if (!props[prop]) {
      throw missingProp(construct, prop, `give ${fix}`);
    }
  }
  validateDnsLabel(construct, 'clusterName', props.clusterName);
  validateRke2Version(construct, props.kubernetesVersion);
  requireSensitiveReference(construct, 'azureClientSecret', props.azureClientSecret);
  if (!props.allowedRegistries || props.allowedRegistries.length === 0) {
    throw missingProp(construct, 'allowedRegistries', 'list the registries pods may pull from, e.g. ["myacr.azurecr.io/"] (CIS RKE2 1.8 5.5.1)');
  }
  props.allowedRegistries.forEach((r) => validateRegistryPrefix(construct, r));
  (props.podSecurityExemptNamespaces ?? []).forEach((ns) => validateExemptNamespace(construct, 'podSecurityExemptNamespaces', ns));
  (props.imagePolicyExemptNamespaces ?? []).forEach((ns) => validateExemptNamespace(construct, 'imagePolicyExemptNamespaces', ns));
  positiveInteger(construct, 'podMaxPids', props.podMaxPids);
  minimum(construct, 'auditLogMaxAgeDays', props.auditLogMaxAgeDays, 30, 'RKE2 CIS 1.8 1.2.18');
  minimum(construct, 'auditLogMaxBackups', props.auditLogMaxBackups, 10, 'RKE2 CIS 1.8 1.2.19');
  minimum(construct, 'auditLogMaxSizeMb', props.auditLogMaxSizeMb, 100, 'RKE2 CIS 1.8 1.2.20');
  positiveInteger(construct, 'etcdSnapshotRetention', props.etcdSnapshotRetention);
  const cron = props.etcdSnapshotScheduleCron;
  if (cron !== undefined && !Token.isUnresolved(cron) && !CRON.test(cron.trim())) {
    throw invalidProp(construct, 'etcdSnapshotScheduleCron', cron, 'a five-field cron expression', 'use e.g. "0 */5 * * *"');
  }
}

function positiveInteger(construct: string, prop: string, value: number | undefined): void {
  if (value !== undefined && !Token.isUnresolved(value) && (!Number.isInteger(value) || value < 1)) {
    throw invalidProp(construct, prop, value, 'a whole number of at least 1', `set ${prop} to a positive whole number`);
  }
}

function minimum(construct: string, prop: string, value: number | undefined, min: number, control: string): void {
  if (value !== undefined && !Token.isUnresolved(value) && (!Number.isInteger(value) || value < min)) {
    throw invalidProp(construct, prop, value, `a whole number of at least ${min} (${control})`, `leave ${prop} unset for ${min}, or raise it`);
  }
}

function validatePools(construct: string, pools: Rke2MachinePool[]): void {
  const names = new Set<string>();
  for (const pool of pools) {
    validateDnsLabel(construct, 'machinePools[].name', pool.name);
    if (names.has(pool.name)) {
      throw invalidProp(construct, 'machinePools[].name', pool.name, 'a name used by one pool only', 'give each pool its own name');
    }
    names.add(pool.name);
    if (!pool.etcdRole && !pool.controlPlaneRole && !pool.workerRole) {
      throw invalidProp(construct, `machinePools "${pool.name}"`, 'no role', 'a pool with at least one of etcdRole, controlPlaneRole, workerRole', 'set the roles of the pool');
    }
    if (pool.quantity !== undefined && !Token.isUnresolved(pool.quantity) && (!Number.isInteger(pool.quantity) || pool.quantity < 0)) {
      throw invalidProp(construct, `machinePools "${pool.name}" quantity`, pool.quantity, 'a whole number of at least 0', 'set the number of machines');
    }
    positiveInteger(construct, `machinePools "${pool.name}" osDiskSizeGb`, pool.osDiskSizeGb);
  }
  const roleSummary = pools.map((p) => `${p.name}: ${roleNames(p)}`).join('; ');
  if (!pools.some((p) => p.etcdRole)) {
    throw invalidProp(construct, 'machinePools', roleSummary, 'at least one pool with etcdRole: true', 'add an etcd pool (e.g. 3 machines with etcdRole and controlPlaneRole)');
  }
  if (!pools.some((p) => p.controlPlaneRole)) {
    throw invalidProp(construct, 'machinePools', roleSummary, 'at least one pool with controlPlaneRole: true', 'add a control-plane pool');
  }
  const etcdQuantities = pools.filter((p) => p.etcdRole).map((p) => p.quantity ?? 1);
  if (etcdQuantities.every((q) => !Token.isUnresolved(q))) {
    const etcdCount = etcdQuantities.reduce((a, b) => a + b, 0);
    if (etcdCount % 2 === 0) {
      throw invalidProp(
        construct,
        'machinePools (etcd machines)',
        etcdCount,
        'an odd number of etcd machines (1, 3 or 5): etcd needs a majority, and an even member adds no fault tolerance',
        'change the quantity of the etcd pools so their sum is odd, e.g. 3',
      );
    }
  }
}

function roleNames(pool: Rke2MachinePool): string {
  const roles = [pool.etcdRole && 'etcd', pool.controlPlaneRole && 'control-plane', pool.workerRole && 'worker'].filter(Boolean);
  return roles.length ? roles.join('+') : 'none';
}

function machinePool(pool: Rke2MachinePool, machineConfig: Rancher2MachineConfigV2, credentialId: string): Rancher2ClusterV2MachinePool {
  return {
    name: pool.name,
    machineConfig: { kind: machineConfig.kind, name: machineConfig.name },
    cloudCredentialSecretName: credentialId,
    etcdRole: pool.etcdRole ?? false,
    controlPlaneRole: pool.controlPlaneRole ?? false,
    workerRole: pool.workerRole ?? false,
    quantity: pool.quantity ?? 1,
    drainBeforeDelete: true,
  };
}

/** The RKE2 config every node gets. Keys are sorted so the JSON is deterministic. */
function machineGlobalConfig(props: HardenedRke2ClusterProps, eventRateLimit: boolean, psact: string | undefined): any {
  const plugins = ['NodeRestriction', ...(props.alwaysPullImages ?? true ? ['AlwaysPullImages'] : []), 'DenyServiceExternalIPs', ...(eventRateLimit ? ['EventRateLimit'] : [])];
  const apiServerArgs = [
    `enable-admission-plugins=${plugins.join(',')}`,
    `audit-log-path=${Rke2NodeFiles.AUDIT_LOG}`,
    `audit-log-maxage=${props.auditLogMaxAgeDays ?? 30}`,
    `audit-log-maxbackup=${props.auditLogMaxBackups ?? 10}`,
    `audit-log-maxsize=${props.auditLogMaxSizeMb ?? 100}`,
  ];
  if (psact !== undefined) {
    // Rancher adds this entry when a template is set; listing it keeps Terraform from removing it on every plan.
    apiServerArgs.push(`admission-control-config-file=${Rke2NodeFiles.RANCHER_PSACT_CONFIG}`);
  }
  const config: any = {
    'audit-policy-file': Rke2NodeFiles.AUDIT_POLICY,
    cni: props.cni ?? Rke2Cni.CALICO,
    'etcd-expose-metrics': false,
    'kube-apiserver-arg': apiServerArgs,
    'kubelet-arg': [`pod-max-pids=${props.podMaxPids ?? 4096}`, `tls-cipher-suites=${KubeletCipherSuites.STRONG.join(',')}`],
    profile: 'cis',
    'protect-kernel-defaults': true,
    // No secrets-encryption key: RKE2 servers force it on and encrypt with a generated aescbc key.
  };
  if (psact === undefined) {
    config['pod-security-admission-config-file'] = Rke2NodeFiles.ADMISSION_CONFIG;
  }
  return sortKeys(config);
}

function selectorEntry(construct: string, entry: Rke2MachineSelectorConfig, index: number): Rancher2ClusterV2MachineSelectorConfig {
  const prop = `machineSelectorConfigs[${index}].config`;
  if (Token.isUnresolved(entry.config)) {
    throw tokenNotAllowed(construct, prop, 'the cluster must check that the entry does not override profile or protect-kernel-defaults');
  }
  let parsed: any;
  try {
    parsed = JSON.parse(entry.config);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidProp(construct, prop, entry.config, 'a JSON object of RKE2 config keys', 'write the keys as JSON, e.g. {"node-label":["tier=web"]}');
  }
  for (const [key, hardened] of PROTECTED_KEYS) {
    if (key in parsed && parsed[key] !== hardened) {
      throw new HardenedK8sError(
        `${construct}: invalid ${prop}: it sets ${key}=${JSON.stringify(parsed[key])}. Allowed: no ${key} key (the cluster sets ${key}: ${JSON.stringify(hardened)} for every node). ` +
          `A selector entry overrides machine_global_config for its machines, and a CIS-profile node without protect-kernel-defaults: true refuses to start. Fix: remove ${key} from the entry.`,
      );
    }
  }
  const dataDirs = [RKE2_DEFAULT_DATA_DIR, ...(typeof parsed['data-dir'] === 'string' ? [parsed['data-dir']] : [])];
  const encryption = secretsEncryptionProblems(parsed, dataDirs);
  if (encryption.length) {
    throw new HardenedK8sError(
      `${construct}: invalid ${prop}: ${encryption.join('; ')}. Allowed: no secrets-encryption: false, secrets-encryption-provider aescbc or secretbox, ` +
        'no kube-apiserver-arg encryption-provider-config (RKE2 servers encrypt secrets at rest with a configuration they generate and rotate). Fix: remove those keys from the entry.',
    );
  }
  return {
    config: JSON.stringify(sortKeys({ ...parsed, 'protect-kernel-defaults': true })),
    machineLabelSelector: entry.machineLabelSelector,
  };
}

/** The supported Pod Security version of the cluster's minor (clamped to the versions the library implements). */
function podSecurityVersionOf(kubernetesVersion: string): PodSecurityVersion {
  const minor = Token.isUnresolved(kubernetesVersion) ? undefined : rke2Minor(kubernetesVersion);
  const all = PodSecurityVersion.all();
  if (minor === undefined) {
    return PodSecurityVersion.DEFAULT;
  }
  return all.find((v) => v.minor === minor) ?? (minor < all[0].minor ? all[0] : all[all.length - 1]);
}

function sortKeys(object: any): any {
  return Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
