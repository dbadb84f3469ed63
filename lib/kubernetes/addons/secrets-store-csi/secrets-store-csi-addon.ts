import { Annotations } from 'cdktf';
import { invalidProp } from '../../../errors';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { HardenedHelmRelease } from '../hardened-helm-release';
import { HelmValues } from '../helm-values';
import { nodeAgentNamespace } from '../node-agent-namespace';
import { AzureKeyVaultProviderVersion } from './azure-key-vault-provider-version';
import { AZURE_KEY_VAULT_PROVIDER_HARDENING, SECRETS_STORE_CSI_DRIVER_HARDENING } from './hardening';
import { SecretsStoreCsiDriverVersion } from './secrets-store-csi-driver-version';
import { validateDnsLabel } from '../../../validation';

/** Props of {@link SecretsStoreCsiAddon}. */
export interface SecretsStoreCsiAddonProps {
  /**
   * Driver chart version.
   * @default SecretsStoreCsiDriverVersion.V1_6_0
   */
  readonly driverVersion?: SecretsStoreCsiDriverVersion;
  /**
   * Azure provider chart version.
   * @default AzureKeyVaultProviderVersion.V1_8_2
   */
  readonly providerVersion?: AzureKeyVaultProviderVersion;
  /**
   * Namespace of the driver and provider (the provider docs require kube-system on AKS with limited egress).
   * Another namespace is created with Pod Security `privileged` (the driver's node plugin is privileged)
   * and no built-in waiver: it may hold workloads, so its Pod Security level is a
   * `k8s-namespace-pod-security` finding that needs a waiver.
   * @default 'kube-system'
   */
  readonly namespace?: string;
  /**
   * How often mounted secrets are refreshed from Key Vault (a duration such as `2m` or `1h`).
   * @default '2m'
   */
  readonly rotationPollInterval?: string;
  /**
   * Let the driver create Kubernetes Secrets from `secretObjects` (gives it cluster-wide RBAC on Secrets).
   * @default false
   */
  readonly syncKubernetesSecrets?: boolean;
  /**
   * Raw values of the driver chart, merged last.
   * @default - none
   */
  readonly driverValues?: any;
  /**
   * Raw values of the provider chart, merged last.
   * @default - none
   */
  readonly providerValues?: any;
}

const SYSTEM_NAMESPACE = 'kube-system';
const DURATION = /^\d+(s|m|h)$/;

/**
 * Secrets Store CSI driver and its Azure Key Vault provider (CIS AKS 1.8 4.5.2), pinned, with rotation on.
 * On AKS with the `key_vault_secrets_provider` add-on (`cluster.secretsStoreCsiManaged`) the platform runs
 * both already: nothing is installed and an info annotation says so. The provider chart's bundled driver is
 * turned off; the driver chart is installed on its own so that its version is pinned here.
 */
export class SecretsStoreCsiAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'secrets-store-csi';

  public readonly addonId = SecretsStoreCsiAddon.ID;
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];
  /** Namespace of the driver and provider. */
  public readonly namespace: string;
  private readonly props: SecretsStoreCsiAddonProps;

  constructor(props?: SecretsStoreCsiAddonProps) {
    // null from a JavaScript caller means "not given", as undefined does.
    props = props ?? {};
    this.namespace = props.namespace ?? SYSTEM_NAMESPACE;
    validateDnsLabel('SecretsStoreCsiAddon', 'namespace', this.namespace);
    const interval = props.rotationPollInterval;
    if (interval !== undefined && !DURATION.test(interval)) {
      throw invalidProp('SecretsStoreCsiAddon', 'rotationPollInterval', interval, 'a duration in whole seconds, minutes or hours, e.g. "2m"', 'use e.g. "2m" or "1h"');
    }
    this.props = props;
  }

  public install(context: AddonInstallContext): void {
    if (context.cluster.secretsStoreCsiManaged) {
      Annotations.of(context.chartScope).addInfo(
        `[secrets-store-csi-managed] ${context.cluster.clusterName} runs the Secrets Store CSI driver and Azure provider as the AKS ` +
          'key_vault_secrets_provider add-on (rotation on); the Helm charts are not installed to avoid a second driver.',
      );
      return;
    }
    let namespace = this.namespace;
    if (namespace !== SYSTEM_NAMESPACE) {
      namespace = nodeAgentNamespace(
        context.chartScope,
        'secrets-store-csi-namespace',
        SecretsStoreCsiAddon.ID,
        { name: namespace, egressTcpPortsToAnywhere: [443, 6443], podSecurityVersion: context.podSecurityVersion },
        'the CSI driver mounts volumes into pods through the kubelet directory with a privileged container',
      ).namespaceName;
    }
    const driverPin = this.props.driverVersion ?? SecretsStoreCsiDriverVersion.V1_6_0;
    const driver = new HardenedHelmRelease(context.chartScope, 'secrets-store-csi-driver', {
      pin: driverPin,
      releaseName: 'secrets-store-csi-driver',
      namespace,
      hardenedValues: HelmValues.fromKeys(SECRETS_STORE_CSI_DRIVER_HARDENING),
      typedValues: {
        rotationPollInterval: this.props.rotationPollInterval ?? '2m',
        syncSecret: { enabled: this.props.syncKubernetesSecrets ?? false },
      },
      userValues: this.props.driverValues,
    });
    new HardenedHelmRelease(context.chartScope, 'azure-key-vault-provider', {
      pin: this.props.providerVersion ?? AzureKeyVaultProviderVersion.V1_8_2,
      releaseName: 'csi-secrets-store-provider-azure',
      namespace,
      hardenedValues: HelmValues.fromKeys(AZURE_KEY_VAULT_PROVIDER_HARDENING),
      typedValues: { 'secrets-store-csi-driver': { install: false } },
      userValues: this.props.providerValues,
      dependsOn: [driver.release],
    });
  }
}
