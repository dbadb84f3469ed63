import { ChartPin } from '../chart-pin';
import { requireAppVersion, validateChartVersion } from '../pin-validation';

const REPOSITORY = 'https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts';

/** Pinned versions of the Secrets Store CSI driver chart. */
export class SecretsStoreCsiDriverVersion extends ChartPin {
  /** Chart 1.6.0, driver 1.6.0 (needs Kubernetes 1.30 or newer). */
  public static readonly V1_6_0 = new SecretsStoreCsiDriverVersion('1.6.0', '1.6.0');

  /** Escape hatch: any other exact chart version (give the driver version it ships). */
  public static of(version: string, appVersion: string): SecretsStoreCsiDriverVersion {
    validateChartVersion('SecretsStoreCsiDriverVersion.of', version);
    requireAppVersion('SecretsStoreCsiDriverVersion.of', appVersion);
    return new SecretsStoreCsiDriverVersion(version, appVersion);
  }

  private constructor(version: string, appVersion: string) {
    super({ chart: 'secrets-store-csi-driver', repository: REPOSITORY, version, appVersion });
  }
}
