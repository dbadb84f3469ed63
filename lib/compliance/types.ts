import { CisControlRef } from '../cis/types';

/** The outcome of one rule on one resource. */
export enum ComplianceStatus {
  /** The resource satisfies the rule. */
  COMPLIANT = 'compliant',
  /** The resource violates the rule. */
  NON_COMPLIANT = 'non-compliant',
  /** The rule does not apply to this resource. */
  NOT_APPLICABLE = 'not-applicable',
  /** A value the rule needs is not known at synth time; never counted as a pass. */
  UNKNOWN = 'unknown',
}

/** How a violated rule affects synthesis. */
export enum RuleSeverity {
  /** An unwaived violation fails synth. */
  ERROR = 'error',
  /** An unwaived violation is reported but does not fail synth. */
  WARNING = 'warning',
}

/** Structured metadata of a compliance rule. */
export interface RuleMetadata {
  /** Stable id, lower-case words joined by hyphens, e.g. `aks-private-cluster`. Used by waivers. */
  readonly id: string;
  /** One line saying what the rule requires. */
  readonly title: string;
  /** Error fails synth when violated; warning only reports. */
  readonly severity: RuleSeverity;
  /** What to change to comply: name the construct props and methods as in `remediationTargets`. */
  readonly remediation: string;
  /**
   * The construct props and methods the remediation names, as jsii type and member: a prop as
   * `HardenedAksClusterProps.apiServerAccess`, a method as `PlatformMonitoring.addClusterDiagnostics`, an
   * enum-like value as `GatewayTlsPolicy.APPGW_SSL_POLICY_20220101_S`, a nested prop as a chain
   * (`HardenedAksClusterProps.systemNodePool.nodePublicIpEnabled`). Shown beside a failing finding as the
   * place to fix it; a test checks each exists in the library's API.
   * @default - the remediation names no construct prop or method
   */
  readonly remediationTargets?: string[];
  /** CIS controls the rule proves; each must exist in the CIS catalog. */
  readonly cisControls: CisControlRef[];
  /** Terraform resource types the rule inspects, e.g. `azurerm_kubernetes_cluster`. */
  readonly resourceTypes: string[];
  /**
   * The construct default that satisfies the rule, for the control matrix.
   * @default - no construct default is named
   */
  readonly constructDefault?: string;
  /**
   * Whether the app may accept a finding of the rule with a waiver. A rule whose findings must never be
   * accepted (a credential written into the configuration) says false: its findings block synth with or
   * without a waiver, and a waiver naming it is a set-up problem.
   * @default true
   */
  readonly waivable?: boolean;
  /**
   * What the rule protects and the evidence it must find for each: where a protected thing exists in the
   * app, every requirement needs a finding of the rule for it, or the engine reports a non-compliant
   * "no evidence" finding. Give it when the rule judges the resource that enforces a control (a
   * constraint, a policy, an add-on) rather than the thing protected (the cluster), so that removing the
   * enforcing resource cannot make the control vanish from the report.
   * @default - no evidence is required: the rule judges the protected resource itself, or its absence means nothing is protected
   */
  readonly evidence?: RuleEvidence;
}

/**
 * Kinds of protected thing a rule's `evidence.protects` can name besides Terraform resource types.
 * Each stands for every cluster of the app, found in the synthesized output and in the construct tree.
 */
export class EvidenceSubject {
  /**
   * Every Kubernetes cluster of the app: each `azurerm_kubernetes_cluster` and `rancher2_cluster_v2`,
   * each cluster a `ClusterBaseline` hardens that is given by attributes (`ExistingCluster`), and each
   * stack outside a baseline that configures a `kubernetes` or `helm` provider. Evidence counts per
   * cluster where the app tells which baseline serves it: only findings in that baseline's stacks
   * count, and the "no evidence" finding goes on the baseline. Clusters no baseline serves share the
   * findings of every stack no baseline owns, and the finding goes on the cluster resource (or the stack).
   */
  public static readonly KUBERNETES_CLUSTER = 'kubernetes-cluster';
  /**
   * The clusters of `KUBERNETES_CLUSTER` whose admission policy engine is the self-installed Gatekeeper:
   * not an AKS cluster with the Azure Policy add-on (`azure_policy_enabled`), nor a cluster whose
   * baseline was told `PolicyEngine.AZURE_POLICY`.
   */
  public static readonly GATEKEEPER_CLUSTER = 'gatekeeper-cluster';

  private constructor() {}
}

/** What a rule protects and the evidence it needs for each protected thing. */
export interface RuleEvidence {
  /**
   * The protected things: Terraform resource types (e.g. `azurerm_application_gateway`; a finding on
   * the resource itself, on a resource it references or on one referencing it, in its stack, is
   * evidence for it) or `EvidenceSubject` values (`EvidenceSubject.KUBERNETES_CLUSTER`). Where none
   * exists in the app, the rule needs no evidence: what it protects is not there.
   */
  readonly protects: string[];
  /**
   * The parts of the evidence, each proving some of the rule's CIS controls; a finding says which parts
   * it speaks for (`RuleEvaluation.evidence`). Together they must cover every CIS control of the rule.
   * @default - one part: any finding of the rule, proving all its CIS controls
   */
  readonly requirements?: EvidenceRequirement[];
}

/** One part of a rule's evidence: what must be found, and the CIS controls it proves. */
export interface EvidenceRequirement {
  /** Stable id within the rule, lower-case words joined by hyphens, e.g. `privileged-container`. */
  readonly id: string;
  /** What must exist, in a few words, e.g. `an enforcing K8sHardenedPrivilegedContainer constraint`. */
  readonly description: string;
  /** The rule's CIS controls this part proves (each one of the rule's `cisControls`); may be empty. */
  readonly cisControls: CisControlRef[];
}

/** The result a rule returns for one resource. */
export interface RuleEvaluation {
  /** Compliant, non-compliant, not applicable or unknown. */
  readonly status: ComplianceStatus;
  /**
   * Why, in a few words (shown in reports).
   * @default - no message
   */
  readonly message?: string;
  /**
   * The ids of the rule's evidence requirements (`RuleMetadata.evidence.requirements`) this finding
   * speaks for, e.g. `["privileged-container"]` for one constraint of a rule that judges many kinds.
   * @default - every requirement of the rule
   */
  readonly evidence?: string[];
  /**
   * The rule's CIS controls this finding concerns, when it concerns only some of them.
   * @default - the controls of the requirements in `evidence`, or else every CIS control of the rule
   */
  readonly cisControls?: CisControlRef[];
}

/** A compliance rule: a pure check over one resource's resolved, final configuration. */
export interface IComplianceRule {
  /** Metadata: id, title, severity, remediation, CIS controls and resource types. */
  readonly metadata: RuleMetadata;
  /**
   * Evaluates one resource whose Terraform type is in `metadata.resourceTypes`.
   * Throwing `UnresolvedValueError` (e.g. through `ResolvedResource.get`) reports `unknown`.
   */
  evaluate(resource: IResolvedResource, context: IRuleContext): RuleEvaluation;
}

/** A resource as Terraform will see it: synthesized JSON after overrides, tokens resolved. */
export interface IResolvedResource {
  /** Terraform resource type, e.g. `azurerm_kubernetes_cluster`. */
  readonly terraformType: string;
  /** Terraform resource name (the logical id). */
  readonly name: string;
  /** `type.name`, the Terraform address. */
  readonly address: string;
  /** Construct path of the resource. */
  readonly constructPath: string;
  /** The whole attribute object as synthesized. */
  readonly config: any;
  /** The value at a dotted path; throws `UnresolvedValueError` if it is a Terraform expression. */
  get(path: string): any;
  /** True when the path holds an unresolved Terraform expression. */
  isUnresolved(path: string): boolean;
  /** True when the attribute at the path is set (not null or absent). */
  has(path: string): boolean;
}

/**
 * What a rule may look at beyond the resource itself: the other checkable items of its stack (resources,
 * and as `data.<type>`, `provider.<name>`, `terraform_backend`, `variable` and `local` the data sources,
 * provider configurations, the backend, variables and locals), and the other stacks of the app.
 */
export interface IRuleContext {
  /** Name of the stack being checked. */
  readonly stackName: string;
  /** Every resource (or other checkable item) of a Terraform type in the stack. */
  resourcesOfType(terraformType: string): IResolvedResource[];
  /**
   * Every stack of the app, this one included, in the order cdktf synthesizes them: for a rule that
   * judges what one stack reads from another, or that two stacks do not share what must be their own.
   */
  appStacks(): IRuleContext[];
}

/** A named selection of rules, applied with `Compliance.of(app).apply(pack)`. */
export interface IRulePack {
  /** Pack name shown in reports. */
  readonly name: string;
  /** The rules of the pack. */
  readonly rules: IComplianceRule[];
}

/** A waiver: accept a rule's finding on a construct and everything below it, with a reason. */
export interface Waiver {
  /** The rule id to waive. */
  readonly ruleId: string;
  /** Why the finding is accepted (at least 10 characters); kept in the report. */
  readonly reason: string;
}

/** One rule evaluated on one resource, as written to `compliance.json`. */
export interface Finding {
  /** Rule id. */
  readonly ruleId: string;
  /** Rule title. */
  readonly title: string;
  /** Rule severity. */
  readonly severity: RuleSeverity;
  /** Result of the rule. */
  readonly status: ComplianceStatus;
  /** CIS controls the rule proves, e.g. `cis-aks-1.8/5.4.2`. */
  readonly cisControls: string[];
  /** Construct path of the resource. */
  readonly constructPath: string;
  /** Terraform address of the resource. */
  readonly address: string;
  /**
   * Rule message.
   * @default - none
   */
  readonly message?: string;
  /**
   * The waiver reason when the finding is waived.
   * @default - not waived
   */
  readonly waiverReason?: string;
  /**
   * True when the waiver is one the library adds for its own resources (e.g. the privileged namespace of
   * a node agent), not one the app gave with `Compliance.waive`.
   * @default false
   */
  readonly builtInWaiver?: boolean;
  /**
   * The evidence requirements of the rule this finding speaks for (rules with `evidence` only).
   * @default - the rule requires no evidence
   */
  readonly evidence?: string[];
  /**
   * True for the finding the engine adds when a protected thing has no finding of the rule for some
   * evidence requirement: status non-compliant, `evidence` naming the missing requirements, `cisControls`
   * their controls.
   * @default false
   */
  readonly noEvidence?: boolean;
}
