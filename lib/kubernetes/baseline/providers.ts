// Internal: kubernetes and helm providers configured from a cluster connection.
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { IKubernetesCluster } from '../cluster';

/** Adds a kubernetes provider (and a helm provider when asked) reaching the cluster's API server. */
export function configureProviders(stack: Construct, cluster: IKubernetesCluster, withHelm: boolean): void {
  const endpoint = cluster.endpoint;
  const ca = endpoint.clusterCaCertificate ? Fn.base64decode(endpoint.clusterCaCertificate) : undefined;
  const exec = endpoint.exec ? { apiVersion: endpoint.exec.apiVersion, command: endpoint.exec.command, args: [...endpoint.exec.args] } : undefined;
  new KubernetesProvider(stack, 'kubernetes', {
    host: endpoint.host,
    clusterCaCertificate: ca,
    token: endpoint.token,
    exec: exec ? [exec] : undefined,
  });
  if (withHelm) {
    new HelmProvider(stack, 'helm', {
      kubernetes: { host: endpoint.host, clusterCaCertificate: ca, token: endpoint.token, exec },
    });
  }
}
