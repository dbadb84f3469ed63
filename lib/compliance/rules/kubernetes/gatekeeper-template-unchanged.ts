import { GatekeeperPolicy } from '../../../kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { renderTemplate } from '../../../kubernetes/addons/gatekeeper-policies/policy-library';
import { HelmValues } from '../../../kubernetes/addons/helm-values';
import { compliant, defineRule, nonCompliant, notApplicable, unknown } from '../../define-rule';
import { RuleEvaluation, RuleSeverity } from '../../types';
import { allPolicyControls, definitionAt, POLICY_CONTROLS, policyOfKind, profileFreeDefinition, recordedProfile } from './gatekeeper-policy-controls';

const TEMPLATE_GROUP = 'templates.gatekeeper.sh/';

/** The first path below `path` where two JSON values differ, for the message. */
function firstDifference(actual: any, expected: any, path: string): string | undefined {
  if (HelmValues.stableJson(actual) === HelmValues.stableJson(expected)) {
    return undefined;
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object' && Array.isArray(actual) === Array.isArray(expected)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const key of keys) {
      const found = firstDifference(actual[key], expected[key], `${path}.${key}`);
      if (found) {
        return found;
      }
    }
  }
  return path;
}

/**
 * A ConstraintTemplate of a kind the library defines is the library's: its CEL, match conditions and
 * parameter schema as the library renders them for the Pod Security level and version it records. An
 * override that replaces a validation with `true`, or a match condition with `false`, leaves the
 * constraint in place, enforcing, and admitting everything.
 */
export const gatekeeperTemplateUnchanged = defineRule(
  {
    id: 'gatekeeper-template-unchanged',
    title: "ConstraintTemplates of the library's kinds keep the library's CEL for the Pod Security level and version they record",
    severity: RuleSeverity.ERROR,
    remediation:
      "Remove the override of the template; tune a policy through ClusterBaselineProps.policyConstraints (ConstraintOptions.parameters, ConstraintOptions.exemptImages) and the Pod Security version through ClusterBaselineProps.podSecurityVersion, and give a policy of your own a constraint kind of its own.",
    remediationTargets: ['ClusterBaselineProps.policyConstraints', 'ConstraintOptions.parameters', 'ConstraintOptions.exemptImages', 'ClusterBaselineProps.podSecurityVersion'],
    cisControls: allPolicyControls(Object.values(GatekeeperPolicy)),
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'GatekeeperPoliciesAddon: each ConstraintTemplate as the policy library renders it',
  },
  (r): RuleEvaluation => {
    const apiVersion = r.get('manifest.apiVersion');
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith(TEMPLATE_GROUP) || r.get('manifest.kind') !== 'ConstraintTemplate') {
      return notApplicable('not a Gatekeeper ConstraintTemplate');
    }
    const kind = r.get('manifest.spec.crd.spec.names.kind');
    const policy = policyOfKind(kind);
    if (!policy) {
      return notApplicable(`template of ${JSON.stringify(kind)}, a kind the library does not define`);
    }
    const scope = { cisControls: POLICY_CONTROLS[policy] };
    const manifest = r.config.manifest;
    if (JSON.stringify(manifest).includes('${')) {
      return { ...unknown(`${kind}: the template holds a Terraform expression, so its CEL is known only at apply`), ...scope };
    }
    const profile = recordedProfile(manifest?.metadata?.annotations);
    const definition = profileFreeDefinition(policy) ?? (profile ? definitionAt(policy, profile) : undefined);
    if (!definition) {
      const recorded = profile ? `${profile.level} ${profile.version.label}, which has no such check` : 'no Pod Security level and version the library implements';
      return { ...nonCompliant(`${kind}: the template records ${recorded}, so it is not the library's`), ...scope };
    }
    const expected = renderTemplate(definition);
    const where = firstDifference(manifest?.spec, expected.spec, 'spec') ?? (manifest?.metadata?.name === expected.metadata.name ? undefined : 'metadata.name');
    const version = profile && definition.podSecurity ? ` at ${profile.level} ${profile.version.label}` : '';
    return {
      ...(where ? nonCompliant(`${kind}: ${where} differs from the library's template${version}, so the constraint may not enforce the policy`) : compliant(`${kind}: the library's template${version}`)),
      ...scope,
    };
  },
);
