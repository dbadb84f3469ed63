import { ChartPin } from '../chart-pin';
import { validateChartVersion } from '../pin-validation';

const REPOSITORY = 'https://open-policy-agent.github.io/gatekeeper/charts';

/** Pinned versions of the OPA Gatekeeper chart. */
export class GatekeeperVersion extends ChartPin {
  /** Chart 3.23.0, Gatekeeper v3.23.0 (CEL engine stable, VAP generation beta and on by default). */
  public static readonly V3_23_0 = new GatekeeperVersion('3.23.0', 'v3.23.0');

  /** Escape hatch: any other exact chart version of the same repository. */
  public static of(version: string, appVersion?: string): GatekeeperVersion {
    validateChartVersion('GatekeeperVersion.of', version);
    return new GatekeeperVersion(version, appVersion ?? `v${version}`);
  }

  private constructor(version: string, appVersion: string) {
    super({ chart: 'gatekeeper', repository: REPOSITORY, version, appVersion });
  }
}
