import { Annotations } from 'cdktf';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { HardenedHelmRelease } from '../hardened-helm-release';
import { HelmValues } from '../helm-values';
import { AZURE_PROVIDER_HARDENING, SECRETS_STORE_DRIVER_HARDENING } from './hardening';
import { AzureKeyVaultProviderVersion, SecretsStoreCsiDriverVersion } from './versions';

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
   * Let SecretProviderClasses sync mounted secrets into Kubernetes Secrets (grants the driver RBAC on Secrets).
   * @default false
   */
  readonly syncSecrets?: boolean;
  /**
   * Raw driver values merged last.
   * @default - none
   */
  readonly driverValues?: any;
  /**
   * Raw provider values merged last.
   * @default - none
   */
  readonly providerValues?: any;
}

/**
 * Secrets from Key Vault as files: the Secrets Store CSI driver and its Azure provider (pinned charts,
 * rotation on, workload identity tokens) on clusters that do not run the AKS add-on. On AKS the managed
 * `key_vault_secrets_provider` add-on provides both, so this installs nothing there and says why.
 */
export class SecretsStoreCsiAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'secrets-store-csi';

  public readonly addonId = SecretsStoreCsiAddon.ID;
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];
  private readonly props: SecretsStoreCsiAddonProps;

  constructor(props: SecretsStoreCsiAddonProps = {}) {
    this.props = props;
  }

  public install(context: AddonInstallContext): void {
    if (context.cluster.secretsStoreCsiManaged) {
      Annotations.of(context.chartScope).addInfo(
        `[secrets-store-csi] ${context.cluster.clusterName} runs the managed Key Vault secrets provider add-on; the driver and provider charts are not installed.`,
      );
      return;
    }
    const driver = new HardenedHelmRelease(context.chartScope, 'secrets-store-csi-driver', {
      pin: this.props.driverVersion ?? SecretsStoreCsiDriverVersion.V1_6_0,
      releaseName: 'secrets-store-csi-driver',
      // The driver's DaemonSet is privileged by design; kube-system is where the docs install it.
      namespace: 'kube-system',
      hardenedValues: HelmValues.fromKeys(SECRETS_STORE_DRIVER_HARDENING),
      typedValues: { syncSecret: { enabled: this.props.syncSecrets ?? false } },
      userValues: this.props.driverValues,
    });
    new HardenedHelmRelease(context.chartScope, 'azure-key-vault-provider', {
      pin: this.props.providerVersion ?? AzureKeyVaultProviderVersion.V1_8_2,
      releaseName: 'csi-secrets-store-provider-azure',
      namespace: 'kube-system',
      hardenedValues: HelmValues.fromKeys(AZURE_PROVIDER_HARDENING),
      userValues: this.props.providerValues,
      dependsOn: [driver.release],
    });
  }
}
