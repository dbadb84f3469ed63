import { Release } from '@cdktf/provider-helm/lib/release';
import { Annotations, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ChartPin } from './chart-pin';
import { chartValuesView, HardenedValuesRegistry } from './hardened-values-registry';
import { HelmValues } from './helm-values';
import { libraryScope } from '../../scope';
import { invalidProp } from '../../errors';
import { requireStrings } from '../../validation';

/** Props of {@link HardenedHelmRelease}. */
export interface HardenedHelmReleaseProps {
  /** The pinned chart. */
  readonly pin: ChartPin;
  /** Helm release name. */
  readonly releaseName: string;
  /** Namespace the release installs into (must exist; the baseline creates it). */
  readonly namespace: string;
  /** Layer 1: the library's hardened defaults (every hardening key of the chart included). */
  readonly hardenedValues: any;
  /**
   * Layer 2: values the add-on's typed props translate to.
   * @default - none
   */
  readonly typedValues?: any;
  /**
   * Layer 3: raw user values, merged last (the escape hatch).
   * @default - none
   */
  readonly userValues?: any;
  /**
   * Resources the release waits for.
   * @default - none beyond references
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Seconds Helm waits for the release's resources.
   * @default 600
   */
  readonly timeoutSeconds?: number;
}

/**
 * A `helm_release` of a pinned chart whose values follow the library's one precedence: hardened
 * defaults, then typed props, then raw user values. Overriding a registered hardening key adds a synth
 * warning here and a `helm-hardened-values` finding in the compliance report (failing synth unless waived).
 */
export class HardenedHelmRelease extends Construct {
  /** The underlying `helm_release`. */
  public readonly release: Release;
  /** The final values written to the release. */
  public readonly values: any;

  constructor(scope: Construct, id: string, props: HardenedHelmReleaseProps) {
    super(libraryScope(scope, id, 'HardenedHelmRelease'), id);
    const construct = `HardenedHelmRelease ${this.node.path}`;
    requireStrings(construct, props, ['releaseName', 'namespace']);
    if (!(props.pin instanceof ChartPin)) {
      throw invalidProp(construct, 'pin', props.pin, 'a ChartPin, e.g. FalcoVersion.V9_1_0', 'pass a pinned chart version of the add-on');
    }
    this.values = HelmValues.resolve(props.hardenedValues, props.typedValues, props.userValues);
    const keys = HardenedValuesRegistry.keysFor(props.pin.chart, props.pin.repository);
    for (const o of HelmValues.overriddenKeys(keys, chartValuesView(props.pin.chart, this.values, props.pin.repository))) {
      Annotations.of(this).addWarning(
        `[hardened-values-override] ${props.pin.chart}: ${o.key.path} is ${JSON.stringify(o.finalValue ?? null)} instead of ` +
          `${JSON.stringify(o.key.value)} (${o.key.reason}). The helm-hardened-values rule fails synth unless it is waived.`,
      );
    }
    this.release = new Release(this, 'release', {
      name: props.releaseName,
      namespace: props.namespace,
      repository: props.pin.repository,
      chart: props.pin.chart,
      version: props.pin.version,
      values: [HelmValues.stableJson(this.values)],
      createNamespace: false,
      atomic: true,
      cleanupOnFail: true,
      wait: true,
      timeout: props.timeoutSeconds ?? 600,
      dependsOn: props.dependsOn,
    });
  }
}
