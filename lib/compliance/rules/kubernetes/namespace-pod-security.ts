import { compliant, defineRule, nonCompliant, notApplicable } from '../../define-rule';
import { cisAks, cisRke2 } from '../../../cis/refs';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { RuleSeverity } from '../../types';
import { PodSecurityVersion } from '../../../kubernetes/namespace/pod-security-version';
import { namespaceEvidence, NAMESPACE_TYPES, notJudged, onNamespace } from './namespace-refs';

const LEVEL_LABELS = ['enforce', 'audit', 'warn'];
const PINNED_VERSION = /^v1\.(\d+)$/;
/**
 * The first policy version whose restricted profile has every check the mapped controls rely on:
 * drop ALL capabilities (v1.22) and runAsUser not 0 (v1.23). Older pins enforce less than they claim.
 */
const OLDEST_SUFFICIENT_MINOR = 23;

const CONTROLS = [
  ...['4.2.1', '4.2.2', '4.2.3', '4.2.4', '4.2.5', '4.6.2'].map(cisAks),
  ...['5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6', '5.2.7', '5.2.8', '5.2.9', '5.2.10', '5.2.11', '5.2.12', '5.2.13', '5.7.2', '5.7.3'].map(cisRke2),
];

/** Namespaces carry Pod Security Admission labels: enforce, audit and warn restricted, each with a pinned version. */
export const k8sNamespacePodSecurity = defineRule(
  {
    id: 'k8s-namespace-pod-security',
    title: 'Namespaces enforce, audit and warn Pod Security restricted with a pinned version',
    severity: RuleSeverity.ERROR,
    remediation:
      'Create namespaces with HardenedNamespace (podSecurityLevel PodSecurityLevel.RESTRICTED, the default) or ClusterBaseline.addNamespace, or set the pod-security.kubernetes.io/{enforce,audit,warn} labels to restricted and the -version labels to a pinned v1.NN (v1.23 or newer; the minor your cluster runs).',
    remediationTargets: ['HardenedNamespaceProps.podSecurityLevel', 'PodSecurityLevel.RESTRICTED', 'ClusterBaseline.addNamespace'],
    cisControls: CONTROLS,
    resourceTypes: NAMESPACE_TYPES,
    constructDefault: `HardenedNamespace: pod-security.kubernetes.io/enforce, audit and warn = restricted, *-version = ${PodSecurityVersion.DEFAULT.label}`,
    evidence: namespaceEvidence(CONTROLS, 'judged for its Pod Security labels'),
  },
  (r) => {
    const skip = notJudged(r);
    if (skip) {
      return notApplicable(skip);
    }
    const labels = (r.terraformType === 'kubernetes_labels' ? r.get('labels') : r.get('metadata.labels')) ?? {};
    const problems: string[] = [];
    for (const mode of LEVEL_LABELS) {
      const level = labels[`pod-security.kubernetes.io/${mode}`];
      const version = labels[`pod-security.kubernetes.io/${mode}-version`];
      if (isTerraformExpression(level) || isTerraformExpression(version)) {
        throw new UnresolvedValueError(`labels.pod-security.kubernetes.io/${mode}`, String(isTerraformExpression(level) ? level : version));
      }
      if (level !== 'restricted') {
        problems.push(`${mode}=${level ?? 'unset'}`);
      }
      const pinned = typeof version === 'string' ? PINNED_VERSION.exec(version) : null;
      if (!pinned) {
        problems.push(`${mode}-version=${version ?? 'unset'} (not pinned)`);
      } else if (Number(pinned[1]) < OLDEST_SUFFICIENT_MINOR) {
        problems.push(`${mode}-version=${version} (older than v1.${OLDEST_SUFFICIENT_MINOR}: restricted lacks the capability and runAsUser checks)`);
      }
    }
    return onNamespace(r, problems.length === 0 ? compliant() : nonCompliant(`Pod Security labels: ${problems.join(', ')}`));
  },
);
