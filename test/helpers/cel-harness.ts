import { celEnv, isCelError, isCelList, isCelMap, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

/**
 * Evaluates the K8sNativeValidation source of a rendered ConstraintTemplate the way Gatekeeper binds it:
 * `object` is the admitted object, `oldObject` the stored one on UPDATE (null on CREATE),
 * `request.operation` the operation and `request.userInfo` the requester (absent in a Gatekeeper audit
 * review, as when none is given here), and `variables` holds `params` (the constraint's spec.parameters)
 * and `anyObject`, then each template variable in order. The source's match conditions run first, on
 * `object`, `oldObject` and `request` only (as Gatekeeper compiles them, without variables); when one is
 * false the template does not apply and the request is admitted.
 *
 * Gaps of @bufbuild/cel worked around here:
 * - JSON numbers would arrive as CEL double; integers are converted to BigInt (CEL int) as in Kubernetes.
 * - Objects are passed as Maps (CEL map) and lists as arrays; results come back as CelList/CelMap and are
 *   converted to plain values.
 * - Kubernetes CEL libraries (quantity, lists, regex find, url, ip) are absent: the templates do not use them.
 * - There is no type-checking against the Pod schema, so this proves the logic, not that the API server
 *   admits the generated ValidatingAdmissionPolicy.
 */
export interface TemplateResult {
  /** True when every validation holds, or the template does not apply (the object is admitted). */
  readonly allowed: boolean;
  /** False when a match condition excluded the request (no validation ran). */
  readonly matched: boolean;
  /** Messages of the failed validations. */
  readonly messages: string[];
  /** Values of the template variables. */
  readonly variables: Record<string, any>;
}

function toCel(value: any): any {
  if (Array.isArray(value)) {
    return value.map(toCel);
  }
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    return BigInt(value);
  }
  return value;
}

function fromCel(value: any): any {
  if (isCelList(value)) {
    return [...value].map(fromCel);
  }
  if (isCelMap(value)) {
    const out: Record<string, any> = {};
    for (const [k, v] of value) {
      out[String(k)] = fromCel(v);
    }
    return out;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  return value;
}

const ENV = celEnv({ funcs: strings });
const PROGRAMS = new Map<string, (bindings: Record<string, any>) => any>();
const CONVERTED = new WeakMap<object, any>();

/** Parses and plans each expression once; the suite evaluates the same templates many times. */
function evaluate(expression: string, bindings: Record<string, any>): any {
  let result: any;
  try {
    let program = PROGRAMS.get(expression);
    if (!program) {
      program = plan(ENV, parse(expression)) as (bindings: Record<string, any>) => any;
      PROGRAMS.set(expression, program);
    }
    result = program(bindings);
  } catch (e) {
    throw new Error(`CEL error in ${expression}: ${String(e)}`);
  }
  if (isCelError(result)) {
    throw new Error(`CEL error in ${expression}: ${(result as any).message}`);
  }
  return result;
}

/** toCel, once per fixture object (fixtures are not mutated after they are built). */
function converted(value: any): any {
  if (value === null || typeof value !== 'object') {
    return toCel(value);
  }
  let cel = CONVERTED.get(value);
  if (cel === undefined) {
    cel = toCel(value);
    CONVERTED.set(value, cel);
  }
  return cel;
}

/** The admission request around the object. */
export interface RequestOptions {
  /** CREATE (the default), UPDATE, or '' as in a Gatekeeper audit review. */
  readonly operation?: string;
  /** The stored object of an UPDATE. */
  readonly oldObject?: any;
  /** The requester (`request.userInfo`): username and groups. */
  readonly userInfo?: { readonly username: string; readonly groups?: string[] };
}

interface Verdict {
  readonly matched: boolean;
  /** CEL values of params, anyObject and the template variables, for the message expressions. */
  readonly variables: Map<string, any>;
  readonly plain: Record<string, any>;
  /** Indexes of the validations that failed. */
  readonly failed: number[];
}

/**
 * Verdicts by what decides them: the source's conditions, variables and validation expressions (not its
 * messages, which name the policy version), the parameters, the operation and the object. Versions
 * whose checks are the same share a verdict; only CREATE and audit requests (no old object) are cached.
 */
const VERDICTS = new Map<string, WeakMap<object, Verdict>>();
const LOGIC_KEYS = new WeakMap<object, string>();

function logicKey(source: any): string {
  let key = LOGIC_KEYS.get(source);
  if (key === undefined) {
    key = JSON.stringify([source.matchCondition ?? [], source.variables ?? [], source.validations.map((v: any) => v.expression)]);
    LOGIC_KEYS.set(source, key);
  }
  return key;
}

function judge(source: any, celObject: any, celOldObject: any, celRequest: any, parameters: any): Verdict {
  for (const condition of source.matchCondition ?? []) {
    const matches = evaluate(condition.expression, { object: celObject, oldObject: celOldObject, request: celRequest });
    if (typeof matches !== 'boolean') {
      throw new Error(`match condition ${condition.name} returned ${String(matches)}, not a bool`);
    }
    if (!matches) {
      return { matched: false, variables: new Map(), plain: {}, failed: [] };
    }
  }
  const variables = new Map<string, any>([
    ['params', toCel(parameters ?? {})],
    ['anyObject', celObject],
  ]);
  const bindings = { object: celObject, oldObject: celOldObject, request: celRequest, variables };
  const plain: Record<string, any> = {};
  for (const variable of source.variables ?? []) {
    const value = evaluate(variable.expression, bindings);
    variables.set(variable.name, value);
    plain[variable.name] = fromCel(value);
  }
  const failed: number[] = [];
  source.validations.forEach((validation: any, index: number) => {
    const ok = evaluate(validation.expression, bindings);
    if (typeof ok !== 'boolean') {
      throw new Error(`validation ${validation.expression} returned ${String(ok)}, not a bool`);
    }
    if (!ok) {
      failed.push(index);
    }
  });
  return { matched: true, variables, plain, failed };
}

export function evaluateTemplate(template: any, object: any, parameters: any = {}, request: RequestOptions = {}): TemplateResult {
  const codes = template.spec.targets[0].code;
  const source = codes.find((c: any) => c.engine === 'K8sNativeValidation').source;
  const operation = request.operation ?? 'CREATE';
  const celObject = converted(object);
  const celOldObject = request.oldObject === undefined ? null : converted(request.oldObject);
  const celRequest = toCel(request.userInfo ? { operation, userInfo: request.userInfo } : { operation });
  let verdict: Verdict | undefined;
  if (request.oldObject === undefined) {
    const key = `${logicKey(source)}|${JSON.stringify(parameters ?? {})}|${operation}|${JSON.stringify(request.userInfo ?? null)}`;
    let byObject = VERDICTS.get(key);
    if (!byObject) {
      byObject = new WeakMap();
      VERDICTS.set(key, byObject);
    }
    verdict = byObject.get(object);
    if (!verdict) {
      verdict = judge(source, celObject, celOldObject, celRequest, parameters);
      byObject.set(object, verdict);
    }
  } else {
    verdict = judge(source, celObject, celOldObject, celRequest, parameters);
  }
  if (!verdict.matched) {
    return { allowed: true, matched: false, messages: [], variables: {} };
  }
  const bindings = { object: celObject, oldObject: celOldObject, request: celRequest, variables: verdict.variables };
  const messages = verdict.failed.map((index) => {
    const expression = source.validations[index].messageExpression;
    const message = evaluate(expression, bindings);
    if (typeof message !== 'string') {
      throw new Error(`messageExpression ${expression} returned ${String(message)}, not a string`);
    }
    return message;
  });
  return { allowed: messages.length === 0, matched: true, messages, variables: verdict.plain };
}
