import { ChartPin } from '../chart-pin';
import { validateChartVersion } from '../pin-validation';

/** Pinned versions of the Secrets Store CSI driver chart. */
export class SecretsStoreCsiDriverVersion extends ChartPin {
  /** Chart 1.6.0, driver v1.6.0 (needs Kubernetes 1.30+). */
  public static readonly V1_6_0 = new SecretsStoreCsiDriverVersion('1.6.0', '1.6.0');

  /** Escape hatch: any other exact chart version. */
  public static of(version: string, appVersion: string): SecretsStoreCsiDriverVersion {
    validateChartVersion('SecretsStoreCsiDriverVersion.of', version);
    return new SecretsStoreCsiDriverVersion(version, appVersion);
  }

  private constructor(version: string, appVersion: string) {
    super({ chart: 'secrets-store-csi-driver', repository: 'https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts', version, appVersion });
  }
}

/** Pinned versions of the Azure Key Vault provider chart for the Secrets Store CSI driver. */
export class AzureKeyVaultProviderVersion extends ChartPin {
  /** Chart 1.8.2, provider v1.8.2. */
  public static readonly V1_8_2 = new AzureKeyVaultProviderVersion('1.8.2', '1.8.2');

  /** Escape hatch: any other exact chart version. */
  public static of(version: string, appVersion: string): AzureKeyVaultProviderVersion {
    validateChartVersion('AzureKeyVaultProviderVersion.of', version);
    return new AzureKeyVaultProviderVersion(version, appVersion);
  }

  private constructor(version: string, appVersion: string) {
    super({ chart: 'csi-secrets-store-provider-azure', repository: 'https://azure.github.io/secrets-store-csi-driver-provider-azure/charts', version, appVersion });
  }
}
