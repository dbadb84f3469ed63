import { invalidProp } from '../../../errors';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { HardenedHelmRelease } from '../hardened-helm-release';
import { HelmValues } from '../helm-values';
import { AGENT_NAMESPACES } from '../../exemptions';
import { nodeAgentNamespace } from '../node-agent-namespace';
import { FalcoVersion } from './falco-version';
import { FALCO_HARDENING } from './hardening';

/** Props of {@link FalcoAddon}. */
export interface FalcoAddonProps {
  /**
   * Chart version.
   * @default FalcoVersion.V9_1_0
   */
  readonly version?: FalcoVersion;
  /**
   * Namespace of the Falco DaemonSet.
   * Any other namespace is created privileged just the same, but without the library's built-in waiver:
   * it may hold workloads, so its Pod Security level (`k8s-namespace-pod-security`) and its exclusion from
   * the Gatekeeper constraints (`gatekeeper-constraint-exemptions`) are findings that need a waiver.
   * @default 'falco'
   */
  readonly namespace?: string;
  /**
   * Deploy Falcosidekick to forward alerts (configure its outputs with `values`).
   * @default false
   */
  readonly falcosidekick?: boolean;
  /**
   * Minimum rule priority that raises an alert.
   * @default 'notice'
   */
  readonly minimumPriority?: string;
  /**
   * Keep following rule updates from the falcosecurity index (turn off on air-gapped clusters).
   * @default true
   */
  readonly followRuleUpdates?: boolean;
  /**
   * Raw Helm values merged last (see HelmValues for the precedence).
   * @default - none
   */
  readonly values?: any;
}

const PRIORITIES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'];

/** Falco runtime threat detection (pinned) with the modern eBPF driver in least-privileged mode. */
export class FalcoAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'falco';

  public readonly addonId = FalcoAddon.ID;
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];
  /** Namespace of Falco. */
  public readonly namespace: string;
  private readonly props: FalcoAddonProps;

  constructor(props?: FalcoAddonProps) {
    // null from a JavaScript caller means "not given", as undefined does.
    props = props ?? {};
    if (props.minimumPriority !== undefined && !PRIORITIES.includes(props.minimumPriority)) {
      throw invalidProp('FalcoAddon', 'minimumPriority', props.minimumPriority, PRIORITIES.join(', '), 'use one of the Falco rule priorities');
    }
    this.props = props;
    this.namespace = props.namespace ?? AGENT_NAMESPACES[FalcoAddon.ID];
  }

  public install(context: AddonInstallContext): void {
    const sidekick = this.props.falcosidekick ?? false;
    const namespace = nodeAgentNamespace(
      context.chartScope,
      'falco-namespace',
      FalcoAddon.ID,
      { name: this.namespace, allowSameNamespaceTraffic: sidekick, egressTcpPortsToAnywhere: [443, 6443], podSecurityVersion: context.podSecurityVersion },
      'Falco reads kernel events through eBPF and host paths on every node',
    );
    const follow = this.props.followRuleUpdates ?? true;
    new HardenedHelmRelease(context.chartScope, 'falco', {
      pin: this.props.version ?? FalcoVersion.V9_1_0,
      releaseName: 'falco',
      namespace: namespace.namespaceName,
      hardenedValues: HelmValues.fromKeys(FALCO_HARDENING),
      typedValues: {
        falco: { priority: this.props.minimumPriority ?? 'notice' },
        falcosidekick: { enabled: sidekick },
        falcoctl: { artifact: { follow: { enabled: follow } } },
      },
      userValues: this.props.values,
    });
  }
}
