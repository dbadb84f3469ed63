import { isCelError, isCelList, isCelMap, run } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

/**
 * Evaluates the K8sNativeValidation source of a rendered ConstraintTemplate the way Gatekeeper binds it:
 * `object` is the admitted object, `oldObject` null, `request.operation` CREATE, and `variables` holds
 * `params` (the constraint's spec.parameters) and `anyObject`, then each template variable in order.
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
  /** True when every validation holds (the object is admitted). */
  readonly allowed: boolean;
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

function evaluate(expression: string, bindings: Record<string, any>): any {
  const result = run(expression, bindings, { funcs: strings });
  if (isCelError(result)) {
    throw new Error(`CEL error in ${expression}: ${(result as any).message}`);
  }
  return result;
}

export function evaluateTemplate(template: any, object: any, parameters: any = {}): TemplateResult {
  const codes = template.spec.targets[0].code;
  const source = codes.find((c: any) => c.engine === 'K8sNativeValidation').source;
  const celObject = toCel(object);
  const variables = new Map<string, any>([
    ['params', toCel(parameters ?? {})],
    ['anyObject', celObject],
  ]);
  const bindings = () => ({
    object: celObject,
    oldObject: null,
    request: toCel({ operation: 'CREATE' }),
    variables,
  });
  const plain: Record<string, any> = {};
  for (const variable of source.variables ?? []) {
    const value = evaluate(variable.expression, bindings());
    variables.set(variable.name, value);
    plain[variable.name] = fromCel(value);
  }
  const messages: string[] = [];
  for (const validation of source.validations) {
    const ok = evaluate(validation.expression, bindings());
    if (typeof ok !== 'boolean') {
      throw new Error(`validation ${validation.expression} returned ${String(ok)}, not a bool`);
    }
    if (!ok) {
      const message = evaluate(validation.messageExpression, bindings());
      if (typeof message !== 'string') {
        throw new Error(`messageExpression ${validation.messageExpression} returned ${String(message)}, not a string`);
      }
      messages.push(message);
    }
  }
  return { allowed: messages.length === 0, messages, variables: plain };
}
