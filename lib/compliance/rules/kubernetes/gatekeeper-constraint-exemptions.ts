import { GatekeeperPolicy } from '../../../kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { workloadNamespaces } from '../../../kubernetes/exemptions';
import { compliant, defineRule, literalList, nonCompliant, notApplicable } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { isConstraint } from './gatekeeper-constraint-enforced';
import { allPolicyControls, POLICY_CONTROLS, policyOfKind } from './gatekeeper-policy-controls';

/**
 * Match fields that leave objects out: a namespace list, selectors, a name. `scope` may stay `*` or
 * `Namespaced` (Pods are namespaced); the kinds and the system and agent namespaces are what the
 * library narrows by.
 */
const NARROWING_FIELDS = ['namespaces', 'namespaceSelector', 'labelSelector', 'name'];
const FULL_SCOPES = ['*', 'Namespaced'];

/**
 * A constraint exempts no namespace that may hold workloads and no image: its `excludedNamespaces` are
 * system namespaces or the library's own agent namespaces, it sets no exempt images, and its match is
 * not narrowed by a namespace list, a selector or a scope (each an exemption of everything else).
 */
export const gatekeeperConstraintExemptions = defineRule(
  {
    id: 'gatekeeper-constraint-exemptions',
    title: 'Gatekeeper constraints exempt no workload namespace and no image (only system and agent namespaces are excluded)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Remove the namespace from ClusterBaseline policyExcludedNamespaces (or the constraint\'s ConstraintOptions.excludedNamespaces) and the images from ConstraintOptions.exemptImages, or waive the finding with the reason the workloads there may run unchecked. Keep node agents in their default namespaces (FalcoAddonProps.namespace, TrivyOperatorAddonProps.namespace, KubeBenchAddonProps.namespace).',
    remediationTargets: [
      'ClusterBaselineProps.policyExcludedNamespaces',
      'ConstraintOptions.excludedNamespaces',
      'ConstraintOptions.exemptImages',
      'FalcoAddonProps.namespace',
      'TrivyOperatorAddonProps.namespace',
      'KubeBenchAddonProps.namespace',
    ],
    cisControls: allPolicyControls(Object.values(GatekeeperPolicy)),
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'GatekeeperPoliciesAddon: every constraint excludes the system namespaces of its cluster\'s distribution and the library\'s agent namespaces only',
  },
  (r) => {
    if (!isConstraint(r.get('manifest.apiVersion'))) {
      return notApplicable('not a Gatekeeper constraint');
    }
    const kind = r.get('manifest.kind');
    const policy = policyOfKind(kind);
    const scope = { cisControls: policy ? POLICY_CONTROLS[policy] : [] };
    const problems: string[] = [];
    const workload = workloadNamespaces(literalList(r, 'manifest.spec.match.excludedNamespaces'));
    if (workload.length > 0) {
      problems.push(`excludes namespaces that may hold workloads: ${workload.join(', ')}`);
    }
    // The RBAC constraints also exempt the service accounts of the namespaces they are given.
    const exemptServiceAccounts = workloadNamespaces(literalList(r, 'manifest.spec.parameters.exemptNamespaces'));
    if (exemptServiceAccounts.length > 0) {
      problems.push(`exempts the service accounts of namespaces that may hold workloads: ${exemptServiceAccounts.join(', ')}`);
    }
    const images = literalList(r, 'manifest.spec.parameters.exemptImages');
    if (images.length > 0) {
      problems.push(`exempts images ${images.map((i) => JSON.stringify(i)).join(', ')}`);
    }
    const narrowed = NARROWING_FIELDS.filter((f) => r.has(`manifest.spec.match.${f}`));
    const matchScope = r.get('manifest.spec.match.scope');
    if (matchScope !== undefined && !FULL_SCOPES.includes(matchScope)) {
      narrowed.push('scope');
    }
    if (narrowed.length > 0) {
      problems.push(`narrows its match by ${narrowed.map((f) => `match.${f}`).join(', ')} (everything it leaves out is exempt)`);
    }
    return { ...(problems.length === 0 ? compliant() : nonCompliant(`${kind}: ${problems.join('; ')}`)), ...scope };
  },
);
