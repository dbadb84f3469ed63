import { cisAks, cisRke2 } from '../../../cis/refs';
import { CisControlRef } from '../../../cis/types';

/** A CIS control no synth-time rule can prove, and why. */
export interface NotCoverableControl {
  readonly control: CisControlRef;
  /** Short id of the reason, shared by every control it applies to (reports list each reason once). */
  readonly key: string;
  readonly reason: string;
}

const NAMESPACES = {
  key: 'namespace-boundaries',
  reason:
    'Whether namespaces match teams and applications is an organisational decision; the baseline gives each namespace it creates its own quota, limits, network policy, service account and, with a tenant, tenant role (HardenedNamespace).',
};
const EXTERNAL_SECRETS = {
  key: 'external-secrets-elsewhere',
  reason: 'External secret storage is the Secrets Store CSI add-on (its own rules); nothing in the baseline stores secrets.',
};

/**
 * The in-cluster controls of CIS AKS 1.8 (and their RKE2 CIS 1.8 counterparts) that no rule proves, with
 * the reason. Every other in-cluster control is proven by a rule (a test checks the lists cover the
 * benchmark exactly); the RBAC controls are proven by the RBAC policies enforcing.
 */
export const KUBERNETES_NOT_COVERABLE: NotCoverableControl[] = [
  { control: cisAks('4.6.1'), ...NAMESPACES },
  { control: cisRke2('5.7.1'), ...NAMESPACES },
  { control: cisRke2('5.4.2'), ...EXTERNAL_SECRETS },
];
