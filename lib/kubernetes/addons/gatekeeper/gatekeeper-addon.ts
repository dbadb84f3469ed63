import { AddonInstallContext, IClusterAddon } from '../addon';
import { HardenedHelmRelease } from '../hardened-helm-release';
import { HelmValues } from '../helm-values';
import { HardenedNamespace } from '../../namespace/hardened-namespace';
import { libraryNamespaceProps } from '../../namespace/reserved-namespaces';
import { PodSecurityLevel } from '../../namespace/pod-security';
import { GatekeeperVersion } from './gatekeeper-version';
import { GATEKEEPER_HARDENING } from './hardening';

/** Props of {@link GatekeeperAddon}. */
export interface GatekeeperAddonProps {
  /**
   * Chart version.
   * @default GatekeeperVersion.V3_23_0
   */
  readonly version?: GatekeeperVersion;
  /**
   * Namespace of the release (created as a HardenedNamespace).
   * @default 'gatekeeper-system'
   */
  readonly namespace?: string;
  /**
   * Webhook (controller manager) replicas.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Raw Helm values merged last (see HelmValues for the precedence).
   * @default - none
   */
  readonly values?: any;
}

/** Label that exempts a namespace from Gatekeeper's webhooks (only allowed on exempt namespaces). */
const IGNORE_LABEL = 'admission.gatekeeper.sh/ignore';

/**
 * OPA Gatekeeper from its Helm chart, pinned, with the CEL engine on. Conflicts with the AKS Azure Policy
 * add-on (`azure-policy`), which runs Microsoft's own Gatekeeper.
 */
export class GatekeeperAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'gatekeeper';

  public readonly addonId = GatekeeperAddon.ID;
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = ['azure-policy'];
  /** The namespace Gatekeeper runs in. */
  public readonly namespace: string;
  private readonly props: GatekeeperAddonProps;

  constructor(props?: GatekeeperAddonProps) {
    // null from a JavaScript caller means "not given", as undefined does.
    props = props ?? {};
    this.props = props;
    this.namespace = props.namespace ?? 'gatekeeper-system';
  }

  public install(context: AddonInstallContext): void {
    const namespace = new HardenedNamespace(context.chartScope, 'gatekeeper-namespace', libraryNamespaceProps({
      name: this.namespace,
      podSecurityLevel: PodSecurityLevel.RESTRICTED,
      podSecurityVersion: context.podSecurityVersion,
      // The chart's post-install job would relabel the namespace (Terraform drift); the label is set here instead.
      labels: [{ key: IGNORE_LABEL, value: 'no-self-managing' }],
      allowSameNamespaceTraffic: true,
      ingressTcpPorts: [8443],
      egressTcpPortsToAnywhere: [443, 6443],
    }));
    new HardenedHelmRelease(context.chartScope, 'gatekeeper', {
      pin: this.props.version ?? GatekeeperVersion.V3_23_0,
      releaseName: 'gatekeeper',
      namespace: namespace.namespaceName,
      hardenedValues: HelmValues.resolve(HelmValues.fromKeys(GATEKEEPER_HARDENING), {
        postInstall: { labelNamespace: { enabled: false } },
        logDenies: true,
        emitAdmissionEvents: true,
        emitAuditEvents: true,
        defaultCreateVAPForTemplates: true,
        defaultCreateVAPBindingForConstraints: true,
      }),
      typedValues: { replicas: this.props.replicas ?? 3 },
      userValues: this.props.values,
    });
  }
}
