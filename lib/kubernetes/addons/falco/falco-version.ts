import { ChartPin } from '../chart-pin';
import { requireAppVersion, validateChartVersion } from '../pin-validation';

const REPOSITORY = 'https://falcosecurity.github.io/charts';

/** Pinned versions of the Falco chart. */
export class FalcoVersion extends ChartPin {
  /** Chart 9.1.0, Falco 0.44.1 (legacy eBPF and gVisor drivers removed; modern eBPF is the default choice). */
  public static readonly V9_1_0 = new FalcoVersion('9.1.0', '0.44.1');

  /** Escape hatch: any other exact chart version (give the Falco version it ships). */
  public static of(version: string, appVersion: string): FalcoVersion {
    validateChartVersion('FalcoVersion.of', version);
    requireAppVersion('FalcoVersion.of', appVersion);
    return new FalcoVersion(version, appVersion);
  }

  private constructor(version: string, appVersion: string) {
    super({ chart: 'falco', repository: REPOSITORY, version, appVersion });
  }
}
