import { KubernetesDistribution } from '../../cluster';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { HardenedHelmRelease } from '../hardened-helm-release';
import { HelmValues } from '../helm-values';
import { AGENT_NAMESPACES } from '../../exemptions';
import { nodeAgentNamespace } from '../node-agent-namespace';
import { TRIVY_OPERATOR_HARDENING } from './hardening';
import { TrivyOperatorVersion } from './trivy-operator-version';

/** Props of {@link TrivyOperatorAddon}. */
export interface TrivyOperatorAddonProps {
  /**
   * Chart version.
   * @default TrivyOperatorVersion.V0_34_0
   */
  readonly version?: TrivyOperatorVersion;
  /**
   * Namespace of the operator and its scan jobs.
   * Any other namespace is created privileged just the same, but without the library's built-in waiver:
   * it may hold workloads, so its Pod Security level (`k8s-namespace-pod-security`) and its exclusion from
   * the Gatekeeper constraints (`gatekeeper-constraint-exemptions`) are findings that need a waiver.
   * @default 'trivy-system'
   */
  readonly namespace?: string;
  /**
   * Severities reported.
   * @default ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']
   */
  readonly severities?: string[];
  /**
   * Hide vulnerabilities without a fix.
   * @default false
   */
  readonly ignoreUnfixed?: boolean;
  /**
   * Raw Helm values merged last (see HelmValues for the precedence).
   * @default - none
   */
  readonly values?: any;
}

/** Compliance specs the operator runs: CIS, NSA and both Pod Security Standards levels. */
const COMPLIANCE_SPECS = ['k8s-cis-1.23', 'k8s-nsa-1.0', 'k8s-pss-baseline-0.1', 'k8s-pss-restricted-0.1'];

/**
 * Trivy Operator (pinned): vulnerability, config audit, RBAC and infrastructure assessment, exposed
 * secrets, and CIS + Pod Security Standards compliance reports (plus the RKE2 CIS spec on RKE2).
 */
export class TrivyOperatorAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'trivy-operator';

  public readonly addonId = TrivyOperatorAddon.ID;
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];
  /** Namespace of the operator. */
  public readonly namespace: string;
  private readonly props: TrivyOperatorAddonProps;

  constructor(props?: TrivyOperatorAddonProps) {
    // null from a JavaScript caller means "not given", as undefined does.
    props = props ?? {};
    this.props = props;
    this.namespace = props.namespace ?? AGENT_NAMESPACES[TrivyOperatorAddon.ID];
  }

  public install(context: AddonInstallContext): void {
    const namespace = nodeAgentNamespace(
      context.chartScope,
      'trivy-namespace',
      TrivyOperatorAddon.ID,
      { name: this.namespace, allowSameNamespaceTraffic: true, egressTcpPortsToAnywhere: [443, 6443], podSecurityVersion: context.podSecurityVersion },
      'the node-collector of the infrastructure assessment mounts host paths read-only',
    );
    const specs = context.cluster.distribution === KubernetesDistribution.RKE2 ? [...COMPLIANCE_SPECS, 'rke2-cis-1.24'] : COMPLIANCE_SPECS;
    new HardenedHelmRelease(context.chartScope, 'trivy-operator', {
      pin: this.props.version ?? TrivyOperatorVersion.V0_34_0,
      releaseName: 'trivy-operator',
      namespace: namespace.namespaceName,
      hardenedValues: HelmValues.resolve(HelmValues.fromKeys(TRIVY_OPERATOR_HARDENING), { compliance: { specs, reportType: 'all' } }),
      typedValues: {
        trivy: {
          severity: (this.props.severities ?? ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).join(','),
          ignoreUnfixed: this.props.ignoreUnfixed ?? false,
        },
      },
      userValues: this.props.values,
    });
  }
}
