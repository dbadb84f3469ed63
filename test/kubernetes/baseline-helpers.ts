import { App, Testing } from 'cdktf';
import { ClusterBaseline, ClusterBaselineProps, ExistingCluster, IKubernetesCluster, Kubelogin, KubernetesDistribution, PolicyEngine } from '../../lib';

export const REGISTRIES = ['acrplatformprod.azurecr.io/'];

/** A cluster given by attributes, with kubelogin exec auth. */
export function cluster(overrides: {
  distribution?: KubernetesDistribution;
  policyEngine?: PolicyEngine;
  managedIstioRevision?: string;
} = {}): IKubernetesCluster {
  return ExistingCluster.fromAttributes({
    clusterName: 'aks-test',
    endpoint: { host: 'https://aks-test.privatelink.westeurope.azmk8s.io:443', clusterCaCertificate: 'Y2E=', exec: Kubelogin.exec() },
    distribution: overrides.distribution ?? KubernetesDistribution.AKS,
    policyEngine: overrides.policyEngine ?? PolicyEngine.GATEKEEPER,
    managedIstioRevision: overrides.managedIstioRevision,
  });
}

/** A baseline in a fresh app (Testing.app keeps synth output in a temp dir). */
export function baseline(props: Partial<ClusterBaselineProps> = {}, app: App = Testing.app()): ClusterBaseline {
  return new ClusterBaseline(app, 'baseline', { cluster: cluster(), allowedRegistries: REGISTRIES, ...props });
}

/** The parsed Terraform JSON of a stack. */
export function synthJson(stack: any): any {
  return JSON.parse(Testing.synth(stack));
}

/** Resources of a type in a synthesized stack, by name. */
export function resources(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** kubernetes_manifest bodies of a stack. */
export function manifests(json: any): any[] {
  return Object.values(resources(json, 'kubernetes_manifest')).map((r: any) => r.manifest);
}
