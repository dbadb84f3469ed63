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

/** What a rule may look at beyond the resource itself. */
export interface IRuleContext {
  /** Name of the stack being checked. */
  readonly stackName: string;
  /** Every resource of a Terraform type in the stack. */
  resourcesOfType(terraformType: string): IResolvedResource[];
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
}
