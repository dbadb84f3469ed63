import { cisAks, cisRke2 } from '../../../cis/refs';
import { CisControlRef } from '../../../cis/types';

/** A CIS control no synth-time rule can prove, and why. */
export interface NotCoverableControl {
  readonly control: CisControlRef;
  /** Short id of the reason, shared by every control it applies to (reports list each reason once). */
  readonly key: string;
  readonly reason: string;
}

const RBAC = {
  key: 'rbac-review',
  reason:
    'RBAC in a running cluster comes mostly from outside this app (Helm charts, the platform, users); a synth-time rule sees only the roles this app creates and cannot prove the cluster-wide control. The Trivy Operator RBAC assessment reports it in-cluster; review RBAC periodically.',
};
const NAMESPACES = {
  key: 'namespace-boundaries',
  reason:
    'Whether namespaces match teams and applications is an organisational decision; the baseline gives each namespace it creates its own quota, limits, network policy and service account (HardenedNamespace).',
};
const EXTERNAL_SECRETS = {
  key: 'external-secrets-elsewhere',
  reason: 'External secret storage is the Secrets Store CSI add-on (its own rules); nothing in the baseline stores secrets.',
};

/**
 * The in-cluster controls of CIS AKS 1.8 (and their RKE2 CIS 1.8 counterparts) that no rule proves, with
 * the reason. Every other in-cluster control is proven by a rule (a test checks the lists cover the
 * benchmark exactly).
 */
export const KUBERNETES_NOT_COVERABLE: NotCoverableControl[] = [
  ...['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.7', '4.1.8', '4.1.9', '4.1.10', '4.1.11', '4.1.12'].map((id) => ({ control: cisAks(id), ...RBAC })),
  ...['5.1.1', '5.1.2', '5.1.3', '5.1.4', '5.1.8', '5.1.9', '5.1.10', '5.1.11', '5.1.12', '5.1.13'].map((id) => ({ control: cisRke2(id), ...RBAC })),
  { control: cisAks('4.6.1'), ...NAMESPACES },
  { control: cisRke2('5.7.1'), ...NAMESPACES },
  { control: cisRke2('5.4.2'), ...EXTERNAL_SECRETS },
];
