import { ChartPin } from '../chart-pin';
import { requireAppVersion, validateChartVersion } from '../pin-validation';

const REPOSITORY = 'https://azure.github.io/secrets-store-csi-driver-provider-azure/charts';

/** Pinned versions of the Azure Key Vault provider chart for the Secrets Store CSI driver. */
export class AzureKeyVaultProviderVersion extends ChartPin {
  /** Chart 1.8.2, provider 1.8.2. */
  public static readonly V1_8_2 = new AzureKeyVaultProviderVersion('1.8.2', '1.8.2');

  /** Escape hatch: any other exact chart version (give the provider version it ships). */
  public static of(version: string, appVersion: string): AzureKeyVaultProviderVersion {
    validateChartVersion('AzureKeyVaultProviderVersion.of', version);
    requireAppVersion('AzureKeyVaultProviderVersion.of', appVersion);
    return new AzureKeyVaultProviderVersion(version, appVersion);
  }

  private constructor(version: string, appVersion: string) {
    super({ chart: 'csi-secrets-store-provider-azure', repository: REPOSITORY, version, appVersion });
  }
}
