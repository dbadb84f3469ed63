import { cisAks, cisRke2 } from '../../../cis/refs';
import { compliant, defineRule, literalList, nonCompliant, notApplicable, valueOr } from '../../define-rule';
import { EvidenceSubject, RuleSeverity } from '../../types';
import { isConstraint } from './gatekeeper-constraint-enforced';

/** Constraint kinds that restrict image sources, and the parameter holding the approved prefixes. */
const REGISTRY_KINDS: Record<string, string> = {
  K8sHardenedAllowedRegistries: 'registries',
  K8sAllowedRepos: 'repos',
};

const LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const REGISTRY_PREFIX = new RegExp(`^(${LABEL}(\\.${LABEL})+|localhost)(:[0-9]{1,5})?/([a-z0-9._-]+/)*$`);

/** An allowed-registries constraint enforces a non-empty list of registry hosts, each ending in `/`. */
export const gatekeeperAllowedRegistries = defineRule(
  {
    id: 'gatekeeper-allowed-registries',
    title: 'Images are restricted to approved registries by an enforcing constraint with registry-host prefixes',
    severity: RuleSeverity.ERROR,
    remediation:
      'Give ClusterBaseline allowedRegistries as registry hosts ending in "/" (e.g. "myacr.azurecr.io/") and keep policyEnforcementAction at EnforcementAction.DENY.',
    remediationTargets: ['ClusterBaselineProps.allowedRegistries', 'ClusterBaselineProps.policyEnforcementAction', 'EnforcementAction.DENY'],
    cisControls: [cisAks('5.1.4'), cisRke2('5.5.1')],
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'ClusterBaseline: K8sHardenedAllowedRegistries constraint (deny) with the allowedRegistries hosts',
    evidence: {
      protects: [EvidenceSubject.GATEKEEPER_CLUSTER],
      requirements: [{ id: 'allowed-registries', description: 'an enforcing allowed-registries constraint (K8sHardenedAllowedRegistries or K8sAllowedRepos)', cisControls: [cisAks('5.1.4'), cisRke2('5.5.1')] }],
    },
  },
  (r) => {
    const kind = r.get('manifest.kind');
    if (!isConstraint(r.get('manifest.apiVersion')) || !(kind in REGISTRY_KINDS)) {
      return notApplicable('not an allowed-registries constraint');
    }
    const action = valueOr(r, 'manifest.spec.enforcementAction', 'deny');
    const entries = literalList(r, `manifest.spec.parameters.${REGISTRY_KINDS[kind]}`);
    const bad = entries.filter((e) => typeof e !== 'string' || !REGISTRY_PREFIX.test(e));
    if (action !== 'deny') {
      return nonCompliant(`enforcementAction=${action}`);
    }
    if (entries.length === 0) {
      return nonCompliant('no approved registries: the constraint admits nothing or is misconfigured');
    }
    return bad.length === 0 ? compliant() : nonCompliant(`not registry-host prefixes ending in "/": ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  },
);
