import { GatekeeperPolicy } from '../../../kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { workloadNamespaces } from '../../../kubernetes/exemptions';
import { compliant, defineRule, literalList, nonCompliant, notApplicable } from '../../define-rule';
import { IResolvedResource, RuleEvaluation, RuleSeverity } from '../../types';
import { isConstraint } from './gatekeeper-constraint-enforced';
import { literalNamespaceName, NAMESPACE_TYPES, notJudged } from './namespace-refs';
import { allPolicyControls, POLICY_CONTROLS, policyOfKind } from './gatekeeper-policy-controls';

/**
 * Match fields that leave objects out: a namespace list, selectors, a name. `scope` may stay `*` or
 * `Namespaced` (Pods are namespaced); the kinds and the system and agent namespaces are what the
 * library narrows by.
 */
const NARROWING_FIELDS = ['namespaces', 'namespaceSelector', 'labelSelector', 'name'];
const FULL_SCOPES = ['*', 'Namespaced'];

/** The label that makes Gatekeeper's webhook skip a namespace, and the group of its Config object. */
const IGNORE_LABEL = 'admission.gatekeeper.sh/ignore';
const CONFIG_GROUP = 'config.gatekeeper.sh/';
/** The Config processes whose exclusion lets objects past the constraints (sync only feeds referential data). */
const ENFORCING_PROCESSES = ['*', 'webhook', 'audit'];
const ALL_CONTROLS = allPolicyControls(Object.values(GatekeeperPolicy));

/** A Gatekeeper Config: the namespaces its match excludes from the webhook or the audit may hold no workloads. */
function judgeConfig(r: IResolvedResource): RuleEvaluation {
  const excluded = literalList(r, 'manifest.spec.match').flatMap((entry: any) => {
    const processes: unknown[] = Array.isArray(entry?.processes) ? entry.processes : [];
    return processes.some((p) => ENFORCING_PROCESSES.includes(String(p))) && Array.isArray(entry?.excludedNamespaces) ? entry.excludedNamespaces : [];
  });
  const workload = workloadNamespaces(excluded);
  const result = workload.length === 0 ? compliant() : nonCompliant(`Gatekeeper Config ${r.get('manifest.metadata.name')} excludes namespaces that may hold workloads from every constraint: ${workload.join(', ')}`);
  return { ...result, cisControls: ALL_CONTROLS };
}

/** A namespace labelled for Gatekeeper's webhook to skip it is a system namespace. */
function judgeIgnoreLabel(r: IResolvedResource): RuleEvaluation {
  const labels = r.terraformType === 'kubernetes_labels' ? r.get('labels') : r.get('metadata.labels');
  if (labels === undefined || labels === null || !(IGNORE_LABEL in labels)) {
    return notApplicable(`no ${IGNORE_LABEL} label`);
  }
  const name = r.terraformType === 'kubernetes_labels' ? r.get('metadata.name') : literalNamespaceName(r);
  return { ...nonCompliant(`namespace ${name ?? r.address} carries ${IGNORE_LABEL}: Gatekeeper's webhook skips every object in it`), cisControls: ALL_CONTROLS };
}

/**
 * A constraint exempts no namespace that may hold workloads and no image: its `excludedNamespaces` are
 * system namespaces or the library's own agent namespaces, it sets no exempt images, and its match is
 * not narrowed by a namespace list, a selector or a scope (each an exemption of everything else). Nor
 * do the exemptions outside the constraints: a Gatekeeper Config that excludes such a namespace from the
 * webhook or the audit, or the `admission.gatekeeper.sh/ignore` label on one.
 */
export const gatekeeperConstraintExemptions = defineRule(
  {
    id: 'gatekeeper-constraint-exemptions',
    title: 'Gatekeeper exempts no workload namespace and no image: constraints, its Config and the ignore label leave out system and agent namespaces only',
    severity: RuleSeverity.ERROR,
    remediation:
      'Remove the namespace from ClusterBaseline policyExcludedNamespaces (or the constraint\'s ConstraintOptions.excludedNamespaces) and the images from ConstraintOptions.exemptImages, drop it from the excludedNamespaces of a Gatekeeper Config and remove its admission.gatekeeper.sh/ignore label, or waive the finding with the reason the workloads there may run unchecked. Keep node agents in their default namespaces (FalcoAddonProps.namespace, TrivyOperatorAddonProps.namespace, KubeBenchAddonProps.namespace).',
    remediationTargets: [
      'ClusterBaselineProps.policyExcludedNamespaces',
      'ConstraintOptions.excludedNamespaces',
      'ConstraintOptions.exemptImages',
      'FalcoAddonProps.namespace',
      'TrivyOperatorAddonProps.namespace',
      'KubeBenchAddonProps.namespace',
    ],
    cisControls: ALL_CONTROLS,
    resourceTypes: ['kubernetes_manifest', ...NAMESPACE_TYPES],
    constructDefault: 'GatekeeperPoliciesAddon: every constraint excludes the system namespaces of its cluster\'s distribution and the library\'s agent namespaces only',
  },
  (r) => {
    if (NAMESPACE_TYPES.includes(r.terraformType)) {
      const skipped = notJudged(r);
      return skipped ? notApplicable(skipped) : judgeIgnoreLabel(r);
    }
    const apiVersion = r.get('manifest.apiVersion');
    if (typeof apiVersion === 'string' && apiVersion.startsWith(CONFIG_GROUP) && r.get('manifest.kind') === 'Config') {
      return judgeConfig(r);
    }
    if (!isConstraint(apiVersion)) {
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
