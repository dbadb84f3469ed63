import { cisAks, cisRke2 } from '../../../cis/refs';
import { CisControlRef } from '../../../cis/types';

/** A CIS control no synth-time rule can prove, and why. */
export interface NotCoverableControl {
  readonly control: CisControlRef;
  readonly reason: string;
}

const RBAC_REASON =
  'RBAC in a running cluster comes mostly from outside this app (Helm charts, the platform, users); a synth-time rule sees only the roles this app creates and cannot prove the cluster-wide control. The Trivy Operator RBAC assessment reports it in-cluster; review RBAC periodically.';

/**
 * The in-cluster controls of CIS AKS 1.8 (and their RKE2 CIS 1.8 counterparts) that the kubernetes
 * rules do not prove, with the reason. Every other in-cluster AKS control is proven by a KUBERNETES_RULES
 * rule (a test checks the two lists cover the benchmark exactly).
 */
export const KUBERNETES_NOT_COVERABLE: NotCoverableControl[] = [
  ...['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.7', '4.1.8', '4.1.9', '4.1.10', '4.1.11', '4.1.12'].map((id) => ({ control: cisAks(id), reason: RBAC_REASON })),
  ...['5.1.1', '5.1.2', '5.1.3', '5.1.4', '5.1.8', '5.1.9', '5.1.10', '5.1.11', '5.1.12', '5.1.13'].map((id) => ({ control: cisRke2(id), reason: RBAC_REASON })),
  {
    control: cisAks('4.6.1'),
    reason:
      'Whether namespaces match teams and applications is an organisational decision; the baseline gives each namespace it creates its own quota, limits, network policy and service account (HardenedNamespace).',
  },
  {
    control: cisRke2('5.7.1'),
    reason:
      'Whether namespaces match teams and applications is an organisational decision; the baseline gives each namespace it creates its own quota, limits, network policy and service account (HardenedNamespace).',
  },
  {
    control: cisAks('5.4.5'),
    reason:
      'TLS to HTTPS load balancers is terminated by the Application Gateway (Azure rules) or by Ingress/Gateway objects of the workloads; the baseline creates no load balancer or Ingress.',
  },
  {
    control: cisRke2('5.4.2'),
    reason: 'External secret storage is the Secrets Store CSI add-on (its own rules); nothing in the baseline stores secrets.',
  },
];
