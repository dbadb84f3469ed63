import { compliant, defineRule, nonCompliant, notApplicable } from '../../define-rule';
import { LOCAL_TYPE, VARIABLE_TYPE } from '../../rule-context';
import { IResolvedResource, IRuleContext, RuleSeverity } from '../../types';
import { CREDENTIAL_KEY, SECRET_ATTRIBUTES, secretBearingTypes } from './secret-attributes';
import { plaintextProblem, ReferenceScope } from './secret-reference';

/** Helm value keys that name where a secret is, not the secret (`existingSecret`, `tokenPath`, `secretName`). */
const NOT_A_CREDENTIAL = /^existing|(name|ref|path|file|mount|enabled|keys?ref)$/i;

/** Every value at a dotted path: lists are stepped through, `*` takes every value of a map. */
function valuesAt(value: any, segments: string[], where: string): Array<{ where: string; value: unknown }> {
  if (segments.length === 0) {
    return value === undefined || value === null ? [] : [{ where, value }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => valuesAt(v, segments, `${where}[${i}]`));
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const [head, ...rest] = segments;
  const keys = head === '*' ? Object.keys(value).sort() : [head];
  return keys.flatMap((k) => valuesAt(value[k], rest, where ? `${where}.${k}` : k));
}

/** The string leaves of a Helm values document whose key names a credential. */
function credentialLeaves(value: any, where: string): Array<{ where: string; value: unknown }> {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => credentialLeaves(v, `${where}[${i}]`));
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return Object.keys(value)
    .sort()
    .flatMap((k) => {
      const path = where ? `${where}.${k}` : k;
      const v = value[k];
      if (typeof v === 'string' && v !== '' && CREDENTIAL_KEY.test(k) && !NOT_A_CREDENTIAL.test(k)) {
        return [{ where: path, value: v }];
      }
      return credentialLeaves(v, path);
    });
}

function referenceScope(context: IRuleContext): ReferenceScope {
  const byName = (type: string, pick: (r: IResolvedResource) => any) => Object.fromEntries(context.resourcesOfType(type).map((r) => [r.name, pick(r)]));
  return { variables: byName(VARIABLE_TYPE, (r) => r.config), locals: byName(LOCAL_TYPE, (r) => r.config.value) };
}

/** The secret-bearing values of an item: the table's attributes, and for a Helm release its credential values. */
function secretValues(r: IResolvedResource): Array<{ where: string; value: unknown; what: string }> {
  const found = SECRET_ATTRIBUTES.filter((a) => a.type === r.terraformType).flatMap((a) =>
    valuesAt(r.config, a.path.split('.'), '').map((v) => ({ ...v, what: a.what })),
  );
  if (r.terraformType === 'helm_release') {
    const documents: unknown[] = Array.isArray(r.config.values) ? r.config.values : [];
    documents.forEach((doc, i) => {
      let parsed: unknown;
      try {
        parsed = typeof doc === 'string' ? JSON.parse(doc) : undefined;
      } catch {
        parsed = undefined;
      }
      found.push(...credentialLeaves(parsed, '').map((v) => ({ where: `values[${i}].${v.where}`, value: v.value, what: 'a credential in the chart values' })));
    });
    const sets: any[] = Array.isArray(r.config.set) ? r.config.set : [];
    for (const entry of sets) {
      const last = String(entry?.name ?? '').split('.').pop() ?? '';
      if (CREDENTIAL_KEY.test(last) && !NOT_A_CREDENTIAL.test(last) && typeof entry?.value === 'string' && entry.value !== '') {
        found.push({ where: `set.${entry.name}`, value: entry.value, what: 'a credential in a set entry (use set_sensitive with a reference)' });
      }
    }
  }
  return found;
}

/**
 * Every secret-bearing attribute of the synthesized configuration (`SECRET_ATTRIBUTES`, and Helm values
 * whose key names a credential) is a reference Terraform resolves at plan time: a sensitive variable, a
 * data source or a resource attribute. Decided on the output, so a literal wrapped in a Terraform
 * function (`Fn.join`, `Fn.lower`) or slipped in by an override is caught as well.
 */
export const noPlaintextSecrets = defineRule(
  {
    id: 'no-plaintext-secrets',
    title: 'Secrets in the configuration are references (sensitive variable, data source or resource attribute), never text',
    severity: RuleSeverity.ERROR,
    remediation:
      'Pass the secret as a reference Terraform resolves at plan time: a variable declared sensitive, a data source (e.g. a Key Vault secret) or a resource attribute; never a literal, a literal inside a Terraform function, or a variable that is not sensitive.',
    remediationTargets: [],
    cisControls: [],
    resourceTypes: secretBearingTypes(),
    constructDefault: 'every construct refuses a literal secret at construction; this rule judges what was synthesized',
  },
  (r, context) => {
    const values = secretValues(r);
    if (values.length === 0) {
      return notApplicable('no secret-bearing value set');
    }
    const scope = referenceScope(context);
    const problems = values.flatMap((v) => {
      const problem = plaintextProblem(v.value, scope);
      return problem ? [`${v.where} (${v.what}) is ${problem}`] : [];
    });
    return problems.length === 0 ? compliant() : nonCompliant(problems.join('; '));
  },
);
