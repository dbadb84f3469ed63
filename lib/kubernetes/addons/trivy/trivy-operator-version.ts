import { ChartPin } from '../chart-pin';
import { requireAppVersion, validateChartVersion } from '../pin-validation';

const REPOSITORY = 'https://aquasecurity.github.io/helm-charts/';

/** Pinned versions of the Trivy Operator chart (the chart version differs from the operator's). */
export class TrivyOperatorVersion extends ChartPin {
  /** Chart 0.34.0, Trivy Operator 0.32.0. */
  public static readonly V0_34_0 = new TrivyOperatorVersion('0.34.0', '0.32.0');

  /** Escape hatch: any other exact chart version (give the operator version it ships). */
  public static of(version: string, appVersion: string): TrivyOperatorVersion {
    validateChartVersion('TrivyOperatorVersion.of', version);
    requireAppVersion('TrivyOperatorVersion.of', appVersion);
    return new TrivyOperatorVersion(version, appVersion);
  }

  private constructor(version: string, appVersion: string) {
    super({ chart: 'trivy-operator', repository: REPOSITORY, version, appVersion });
  }
}
