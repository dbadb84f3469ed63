/** A Helm chart pinned to one version, with the application version it ships. */
export interface ChartPinProps {
  /** Chart name in the repository. */
  readonly chart: string;
  /** Helm repository URL. */
  readonly repository: string;
  /** Chart version. */
  readonly version: string;
  /** Application version the chart deploys. */
  readonly appVersion: string;
}

/**
 * Base of the enum-like version classes (e.g. `GatekeeperVersion.V3_23_0`): a chart, its repository,
 * the pinned chart version and the app version.
 */
export class ChartPin {
  public readonly chart: string;
  public readonly repository: string;
  public readonly version: string;
  public readonly appVersion: string;

  protected constructor(props: ChartPinProps) {
    this.chart = props.chart;
    this.repository = props.repository;
    this.version = props.version;
    this.appVersion = props.appVersion;
  }
}
