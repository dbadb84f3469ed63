import { ChartPin } from '../chart-pin';
import { validateChartVersion } from '../pin-validation';

const REPOSITORY = 'https://istio-release.storage.googleapis.com/charts';

/**
 * Pinned Istio chart versions (used only where the mesh is installed with Helm; AKS runs the managed
 * add-on). The pin names the `istiod` chart; `base()` and `cni()` give the same version of the other charts.
 */
export class IstioVersion extends ChartPin {
  /** Istio 1.30.3. */
  public static readonly V1_30_3 = new IstioVersion('istiod', '1.30.3');
  /** Istio 1.29.6 (previous supported line). */
  public static readonly V1_29_6 = new IstioVersion('istiod', '1.29.6');

  /** Escape hatch: any other exact Istio release. */
  public static of(version: string): IstioVersion {
    validateChartVersion('IstioVersion.of', version);
    return new IstioVersion('istiod', version);
  }

  private constructor(chart: string, version: string) {
    super({ chart, repository: REPOSITORY, version, appVersion: version });
  }

  /** The `base` chart (CRDs) of the same version. */
  public base(): IstioVersion {
    return new IstioVersion('base', this.version);
  }

  /** The `cni` chart (node agent that replaces privileged init containers) of the same version. */
  public cni(): IstioVersion {
    return new IstioVersion('cni', this.version);
  }
}
