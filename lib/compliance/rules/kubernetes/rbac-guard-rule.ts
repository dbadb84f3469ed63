// Internal: the rule of one RBAC guard. The control is proven by the guard's Gatekeeper constraint
// enforcing (deny) on the four RBAC kinds; a Role, ClusterRole or binding the app itself creates
// (kubernetes_role_v1 and the other RBAC resources, RBAC objects in a kubernetes_manifest) and an Azure
// RBAC role assignment of an AKS role that grants the permission count against it. An object that grants
// nothing guarded is not evidence either way: only the enforcing constraint proves a cluster-wide control.
import { RbacGuard } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-policy';
import { RoleRule, ruleFails } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-rule-model';
import { compliant, defineRule, nonCompliant, notApplicable, valueOr } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { EvidenceSubject, IComplianceRule, IResolvedResource, IRuleContext, RuleEvaluation, RuleSeverity } from '../../types';
import { POLICY_CONTROLS } from './gatekeeper-policy-controls';
import { firstBlock, roleOf } from '../aks/role-grants';
import { isConstraint } from './gatekeeper-constraint-enforced';

/** The RBAC kinds the guard's constraint must match. */
const RBAC_KINDS = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';
const ROLE_TYPES = ['kubernetes_role_v1', 'kubernetes_role', 'kubernetes_cluster_role_v1', 'kubernetes_cluster_role'];
const BINDING_TYPES = ['kubernetes_role_binding_v1', 'kubernetes_role_binding', 'kubernetes_cluster_role_binding_v1', 'kubernetes_cluster_role_binding'];
const CLUSTER_ROLE_TYPES = ['kubernetes_cluster_role_v1', 'kubernetes_cluster_role'];

/** Azure RBAC roles for Kubernetes authorization (AKS) and what they grant in every namespace of their scope. */
export const AKS_RBAC_CLUSTER_ADMIN = 'Azure Kubernetes Service RBAC Cluster Admin';
/** Manages every object of a namespace, Secrets and pods included. */
export const AKS_RBAC_ADMIN = 'Azure Kubernetes Service RBAC Admin';
/** Reads and writes most objects of a namespace: it reads Secrets and runs pods as any service account. */
export const AKS_RBAC_WRITER = 'Azure Kubernetes Service RBAC Writer';

/** What the rule of a guard needs beyond the guard (its CIS controls are the policy's, POLICY_CONTROLS). */
export interface RbacGuardRuleSpec {
  readonly id: string;
  readonly title: string;
  readonly guard: RbacGuard;
  /** Azure RBAC roles that grant the guarded permission (AKS). */
  readonly azureRoles: string[];
}

function literal(value: unknown, path: string): void {
  if (isTerraformExpression(value)) {
    throw new UnresolvedValueError(path, value);
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => literal(v, `${path}.${i}`));
  } else if (value !== null && typeof value === 'object') {
    Object.entries(value).forEach(([k, v]) => literal(v, `${path}.${k}`));
  }
}

function list(value: unknown): any[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** A rule of a Role or ClusterRole, from the provider's snake_case or the API's camelCase. */
function roleRule(rule: any): RoleRule {
  return {
    apiGroups: list(rule.api_groups ?? rule.apiGroups),
    resources: list(rule.resources),
    verbs: list(rule.verbs),
    nonResourceURLs: list(rule.non_resource_urls ?? rule.nonResourceURLs),
  };
}

function describeRule(rule: RoleRule): string {
  const on = rule.nonResourceURLs.length ? rule.nonResourceURLs : rule.resources;
  return `[${rule.verbs.join(', ')}] on [${on.join(', ')}]`;
}

/** A Role or ClusterRole: its rules and whether it aggregates others. */
function judgeRole(guard: RbacGuard, what: string, rules: any[], aggregated: boolean): RuleEvaluation {
  literal(rules, 'rule');
  if (aggregated) {
    return nonCompliant(`${what} has an aggregation rule: its rules come from other roles, so it may grant ${guard.what}`);
  }
  const failing = rules.map(roleRule).filter((r) => ruleFails(r, guard.rules));
  return failing.length
    ? nonCompliant(`${what} grants ${guard.what}: ${failing.map(describeRule).join('; ')}`)
    : notApplicable(`${what} does not grant ${guard.what}; the enforcing constraint proves the control`);
}

/** A binding: the built-in ClusterRole it names, and system:masters among its subjects. */
function judgeBinding(guard: RbacGuard, what: string, roleRef: any, subjects: any[]): RuleEvaluation {
  const kind = roleRef?.kind;
  if (isTerraformExpression(kind)) {
    throw new UnresolvedValueError('role_ref.kind', kind);
  }
  if (guard.denySystemMasters && subjects.some((s) => s.kind === 'Group' && s.name === 'system:masters')) {
    return nonCompliant(`${what} names the group system:masters, whose members bypass RBAC`);
  }
  if (kind !== 'ClusterRole') {
    return notApplicable(`${what} binds a Role, which is judged itself`);
  }
  const name = roleRef.name;
  if (isTerraformExpression(name)) {
    // A ClusterRole of this stack is judged itself; anything else is not known at synth time.
    if (CLUSTER_ROLE_TYPES.some((t) => name.includes(`\${${t}.`))) {
      return notApplicable(`${what} binds a ClusterRole of this configuration, which is judged itself`);
    }
    throw new UnresolvedValueError('role_ref.name', name);
  }
  if (!guard.builtInRoles.includes(name)) {
    return notApplicable(`${what} binds ClusterRole ${name}, which is not a built-in role granting ${guard.what}`);
  }
  const who = subjects.map((s) => `${s.kind}:${s.namespace ? `${s.namespace}/` : ''}${s.name}`).join(', ');
  return nonCompliant(`${what} binds the built-in ClusterRole ${name}, which grants ${guard.what}, to ${who || 'no subject'}`);
}

/** The namespace a namespaced object of a stack is in: its literal name, or the literal name of the namespace resource it references. */
function namespaceOf(value: unknown, stack: IRuleContext): string | undefined {
  if (!isTerraformExpression(value)) {
    return typeof value === 'string' ? value : undefined;
  }
  const address = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.metadata/.exec(value)?.[1];
  const namespace = address ? stack.resourcesOfType(address.split('.')[0]).find((n) => n.address === address) : undefined;
  const name = firstBlock(namespace?.config?.metadata)?.name;
  return typeof name === 'string' && !isTerraformExpression(name) ? name : undefined;
}

/** The roles the app creates, as an RBAC constraint's allowedRoles names them (`<namespace>/<name>`, or `<name>` for a ClusterRole). */
function rolesOfApp(context: IRuleContext): Set<string> {
  const names = new Set<string>();
  for (const stack of context.appStacks()) {
    for (const type of ROLE_TYPES) {
      for (const role of stack.resourcesOfType(type)) {
        const metadata = firstBlock(role.config.metadata);
        const namespace = CLUSTER_ROLE_TYPES.includes(type) ? '' : namespaceOf(metadata?.namespace, stack);
        if (typeof metadata?.name === 'string' && namespace !== undefined) {
          names.add(namespace ? `${namespace}/${metadata.name}` : metadata.name);
        }
      }
    }
    for (const manifest of stack.resourcesOfType('kubernetes_manifest')) {
      const m = manifest.config.manifest;
      if (m?.apiVersion === RBAC_API_VERSION && (m.kind === 'Role' || m.kind === 'ClusterRole') && typeof m.metadata?.name === 'string') {
        names.add(m.kind === 'Role' ? `${m.metadata.namespace}/${m.metadata.name}` : m.metadata.name);
      }
    }
  }
  return names;
}

/**
 * The constraint of the guard: enforcing (deny) on every RBAC kind, cluster-scoped ones included, and
 * admitting only roles the app creates (whose own findings judge what they grant): an allowedRoles entry
 * for any other role, a built-in one such as `view` above all, admits any change to it.
 */
function judgeConstraint(guard: RbacGuard, r: IResolvedResource, context: IRuleContext): RuleEvaluation {
  const name = `${guard.kind} ${r.get('manifest.metadata.name')}`;
  // Gatekeeper's default enforcement action is deny.
  const action = valueOr(r, 'manifest.spec.enforcementAction', 'deny');
  if (action !== 'deny') {
    return nonCompliant(`${name}: enforcementAction=${action} (only deny enforces)`);
  }
  const match = r.get('manifest.spec.match') ?? {};
  literal(match, 'manifest.spec.match');
  const kinds = list(match.kinds).filter((k) => list(k.apiGroups).some((g) => g === 'rbac.authorization.k8s.io' || g === '*'));
  const matched = (kind: string) => kinds.some((k) => list(k.kinds).some((x) => x === kind || x === '*'));
  const missing = RBAC_KINDS.filter((k) => !matched(k));
  if (missing.length || match.scope === 'Namespaced' || match.namespaces !== undefined || match.name !== undefined) {
    const why = missing.length ? `does not match ${missing.join(', ')}` : 'matches only part of the objects (scope, namespaces or name)';
    return nonCompliant(`${name}: ${why}`);
  }
  const allowedRoles = list(r.get('manifest.spec.parameters.allowedRoles'));
  literal(allowedRoles, 'manifest.spec.parameters.allowedRoles');
  const created = rolesOfApp(context);
  const foreign = allowedRoles.filter((role) => !created.has(String(role)));
  if (foreign.length > 0) {
    return nonCompliant(`${name}: its allowedRoles admit any change to ${foreign.join(', ')}, which the app does not create, so no rule judges what they grant`);
  }
  return compliant(`${name} enforces (deny) on ${RBAC_KINDS.join(', ')}`);
}

function judgeAssignment(guard: RbacGuard, azureRoles: string[], r: IResolvedResource): RuleEvaluation {
  const role = roleOf(r);
  if (role === undefined) {
    const scope = r.config.scope;
    if (typeof scope === 'string' && /managedClusters|azurerm_kubernetes_cluster\./i.test(scope)) {
      throw new UnresolvedValueError('role_definition_name', String(r.config.role_definition_name ?? r.config.role_definition_id));
    }
    return notApplicable('a role assignment whose role is not known at synth time, outside an AKS cluster');
  }
  if (azureRoles.some((a) => a.toLowerCase() === role.toLowerCase())) {
    return nonCompliant(`${role} grants ${guard.what} in Azure RBAC, in every namespace of its scope; bind the library's tenant role (HardenedNamespace tenant) instead`);
  }
  return notApplicable(`${role} does not grant ${guard.what} in Azure RBAC`);
}

/**
 * The rule of an RBAC guard. Its evidence is the guard's constraint on every cluster (not only those on
 * the self-installed Gatekeeper: with the Azure Policy add-on no RBAC constraint exists, so the control
 * fails instead of reading "not covered"); roles, bindings and role assignments are judged against it
 * without standing in for it.
 */
export function rbacGuardRule(spec: RbacGuardRuleSpec): IComplianceRule {
  const guard = spec.guard;
  const cisControls = POLICY_CONTROLS[guard.policy];
  /** A role, binding or assignment: judged for the guard's controls, but no evidence of the enforcing constraint. */
  const judgedAgainst = (result: RuleEvaluation): RuleEvaluation => ({ ...result, evidence: [], cisControls });
  return defineRule(
    {
      id: spec.id,
      title: spec.title,
      severity: RuleSeverity.ERROR,
      remediation:
        `Keep the ${guard.policy} policy enforcing (ClusterBaselineProps.policyEnforcementAction at EnforcementAction.DENY, the default). ` +
        `Give people the namespace's tenant role (HardenedNamespaceProps.tenant, or BaselineNamespace.tenant with ClusterBaseline.addNamespace) instead of a role, binding or Azure role assignment that grants ${guard.what}; ` +
        'list administrators in ClusterBaselineProps.rbacAllowedSubjects; for a role of the app that must grant it, waive the finding and name the role in its policy\'s ConstraintOptions.parameters (`allowedRoles`; a role the app does not create is a finding there).',
      remediationTargets: [
        'ClusterBaselineProps.policyEnforcementAction',
        'EnforcementAction.DENY',
        'HardenedNamespaceProps.tenant',
        'BaselineNamespace.tenant',
        'ClusterBaseline.addNamespace',
        'ClusterBaselineProps.rbacAllowedSubjects',
        'ConstraintOptions.parameters',
      ],
      cisControls,
      resourceTypes: ['kubernetes_manifest', ...ROLE_TYPES, ...BINDING_TYPES, 'azurerm_role_assignment'],
      constructDefault: `ClusterBaseline: the ${guard.policy} constraint (${guard.kind}) with enforcementAction deny on Roles, ClusterRoles and their bindings; the HardenedNamespace tenant role does not grant it`,
      evidence: {
        protects: [EvidenceSubject.KUBERNETES_CLUSTER],
        requirements: [{ id: guard.policy, description: `an enforcing ${guard.kind} constraint on Roles, ClusterRoles and their bindings (GatekeeperPolicy ${guard.policy})`, cisControls }],
      },
    },
    (r, context) => {
      const what = `${r.terraformType} ${r.name}`;
      if (r.terraformType === 'azurerm_role_assignment') {
        return judgedAgainst(judgeAssignment(guard, spec.azureRoles, r));
      }
      if (ROLE_TYPES.includes(r.terraformType)) {
        return judgedAgainst(judgeRole(guard, what, list(r.get('rule')), CLUSTER_ROLE_TYPES.includes(r.terraformType) && r.has('aggregation_rule')));
      }
      if (BINDING_TYPES.includes(r.terraformType)) {
        return judgedAgainst(judgeBinding(guard, what, firstBlock(r.config.role_ref), list(r.config.subject)));
      }
      const apiVersion = r.get('manifest.apiVersion');
      const kind = r.get('manifest.kind');
      if (isConstraint(apiVersion)) {
        return kind === guard.kind ? { ...judgeConstraint(guard, r, context), evidence: [guard.policy] } : notApplicable('another constraint');
      }
      if (apiVersion === RBAC_API_VERSION && (kind === 'Role' || kind === 'ClusterRole')) {
        return judgedAgainst(judgeRole(guard, `${kind} ${r.get('manifest.metadata.name')}`, list(r.get('manifest.rules')), kind === 'ClusterRole' && r.has('manifest.aggregationRule')));
      }
      if (apiVersion === RBAC_API_VERSION && (kind === 'RoleBinding' || kind === 'ClusterRoleBinding')) {
        return judgedAgainst(judgeBinding(guard, `${kind} ${r.get('manifest.metadata.name')}`, r.config.manifest?.roleRef, list(r.config.manifest?.subjects)));
      }
      return notApplicable('not an RBAC object or constraint');
    },
  );
}
