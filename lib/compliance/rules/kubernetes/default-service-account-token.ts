import { cisAks, cisRke2 } from '../../../cis/refs';
import { check, defineRule, nonCompliant, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { inNamespace } from './namespace-refs';

/** Every namespace's default service account mounts no API token. */
export const k8sDefaultServiceAccountToken = defineRule(
  {
    id: 'k8s-default-service-account-token-disabled',
    title: "Every namespace's default service account does not automount its API token",
    severity: RuleSeverity.ERROR,
    remediation:
      'Create namespaces with HardenedNamespace (automountDefaultServiceAccountToken false, the default) or ClusterBaseline.addNamespace, or add a kubernetes_default_service_account_v1 with automount_service_account_token = false.',
    remediationTargets: ['HardenedNamespaceProps.automountDefaultServiceAccountToken', 'ClusterBaseline.addNamespace'],
    cisControls: [cisAks('4.1.5'), cisRke2('5.1.5')],
    resourceTypes: ['kubernetes_namespace_v1', 'kubernetes_namespace'],
    constructDefault: 'HardenedNamespace: kubernetes_default_service_account_v1 with automount_service_account_token = false',
  },
  (namespace, context) => {
    const accounts = inNamespace(context, 'kubernetes_default_service_account_v1', namespace);
    if (accounts.length === 0) {
      return nonCompliant('the default service account is not managed (it automounts its token)');
    }
    // The provider's default for automount_service_account_token is true.
    const values = accounts.map((a) => valueOr(a, 'automount_service_account_token', true));
    return check(values.every((v) => v === false), `automount_service_account_token=${values.join(', ')}`);
  },
);
