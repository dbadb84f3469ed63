import { cisAks, cisRke2 } from '../../../cis/refs';
import { check, defineRule, nonCompliant, notApplicable, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { inNamespace, namespaceEvidence, NAMESPACE_TYPES, notJudged, onNamespace } from './namespace-refs';

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
    resourceTypes: NAMESPACE_TYPES,
    constructDefault: 'HardenedNamespace: kubernetes_default_service_account_v1 with automount_service_account_token = false',
    evidence: namespaceEvidence([cisAks('4.1.5'), cisRke2('5.1.5')], "judged for its default service account's token"),
  },
  (namespace, context) => {
    const skip = notJudged(namespace);
    if (skip) {
      return notApplicable(skip);
    }
    const accounts = inNamespace(context, 'kubernetes_default_service_account_v1', namespace);
    if (accounts.length === 0) {
      return onNamespace(namespace, nonCompliant('the default service account is not managed (it automounts its token)'));
    }
    // The provider's default for automount_service_account_token is true.
    const values = accounts.map((a) => valueOr(a, 'automount_service_account_token', true));
    return onNamespace(namespace, check(values.every((v) => v === false), `automount_service_account_token=${values.join(', ')}`));
  },
);
