// Terraform plans (`terraform show -json`) generated from a synthesized stack, so the fixtures stay in
// step with the examples. The shape follows Terraform's documented JSON output format and real azurerm
// plans: format_version, planned_values.root_module.resources (values without unknowns), resource_changes
// (change.actions, before, after with unknowns left out, after_unknown, after_sensitive), configuration
// (expressions as constant_value or references). As on a first plan, a reference to another resource
// of the stack is known only after apply, while data sources and variables resolve at plan time.

const META_KEYS = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'provisioner', 'connection']);
/** Attributes that are maps, not nested blocks: they stay objects in a plan. */
const MAP_ATTRIBUTES = new Set(['tags', 'labels', 'annotations', 'node_labels', 'data', 'set_sensitive', 'values']);
/** Attributes the provider computes and marks sensitive (never in the configuration). */
const COMPUTED_SENSITIVE: Record<string, string[]> = {
  azurerm_kubernetes_cluster: ['kube_config', 'kube_config_raw', 'kube_admin_config', 'kube_admin_config_raw'],
  azurerm_container_registry: ['admin_password'],
};
/** The stand-in value a data source or variable resolves to in a fixture. */
const RESOLVED_ID = '00000000-0000-0000-0000-0000000000ff';

export interface PlanFixtureOptions {
  /** Values the plan resolves to, by resource address and dotted attribute path (`default_node_pool.max_pods`). */
  readonly set?: Record<string, Record<string, unknown>>;
  /** Attributes the plan leaves unknown (known after apply), by resource address. */
  readonly unknown?: Record<string, string[]>;
  /** Attributes the plan marks sensitive, by resource address. */
  readonly sensitive?: Record<string, string[]>;
  /** Leave these resources out of the plan (as a -target plan would). */
  readonly omit?: string[];
  readonly terraformVersion?: string;
}

interface Converted {
  after: unknown;
  unknown: unknown;
  expressions: unknown;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function referencesIn(expression: string): string[] {
  return [...expression.matchAll(/(?<![\w.-])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)(\.[A-Za-z0-9_.[\]"]+)?/g)].map((m) => m[1] + (m[2] ?? ''));
}

/** One synthesized value as a plan shows it, with its configuration expression. */
function convert(value: unknown, key: string, managed: Set<string>): Converted {
  if (typeof value === 'string' && value.includes('${')) {
    const refs = referencesIn(value);
    const refersToResource = refs.some((r) => managed.has(r.split('.').slice(0, 2).join('.')));
    const resolved = value.replace(/\$\{[^}]*\}/g, RESOLVED_ID);
    return { after: refersToResource ? undefined : resolved, unknown: refersToResource, expressions: { references: refs.flatMap((r) => [r, r.split('.').slice(0, r.startsWith('data.') ? 3 : 2).join('.')]) } };
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => convert(v, key, managed));
    const anyUnknown = items.some((i) => i.unknown === true);
    const blocks = value.every(isObject);
    return {
      after: anyUnknown && !blocks ? undefined : items.map((i) => i.after),
      unknown: anyUnknown && !blocks ? true : items.map((i) => (i.unknown === true ? true : isObject(i.unknown) || Array.isArray(i.unknown) ? i.unknown : false)),
      expressions: blocks ? items.map((i) => i.expressions) : { constant_value: value },
    };
  }
  if (isObject(value)) {
    const after: Record<string, unknown> = {};
    const unknown: Record<string, unknown> = {};
    const expressions: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (META_KEYS.has(k)) {
        continue;
      }
      const c = convert(v, k, managed);
      if (c.after !== undefined) {
        after[k] = c.after;
      }
      if (c.unknown !== false) {
        unknown[k] = c.unknown;
      }
      expressions[k] = c.expressions;
    }
    if (MAP_ATTRIBUTES.has(key)) {
      return { after, unknown: Object.keys(unknown).length ? unknown : false, expressions: { constant_value: value } };
    }
    // A nested block: a list of one object in a plan.
    return { after: [after], unknown: [unknown], expressions: [expressions] };
  }
  return { after: value, unknown: false, expressions: { constant_value: value } };
}

function setPath(target: Record<string, any>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let current: any = target;
  for (const part of parts.slice(0, -1)) {
    current = Array.isArray(current[part]) ? current[part][0] : (current[part] ??= {});
  }
  current[parts[parts.length - 1]] = value;
}

function deletePath(target: Record<string, any>, dotted: string): void {
  const parts = dotted.split('.');
  let current: any = target;
  for (const part of parts.slice(0, -1)) {
    current = Array.isArray(current?.[part]) ? current[part][0] : current?.[part];
  }
  if (isObject(current)) {
    delete current[parts[parts.length - 1]];
  }
}

function providerOf(stackJson: any, type: string): { key: string; name: string } {
  const key = type.split('_')[0];
  const source: string = stackJson.terraform?.required_providers?.[key]?.source ?? key;
  const full = source.includes('/') ? source : `hashicorp/${source}`;
  return { key, name: full.split('/').length === 3 ? full : `registry.terraform.io/${full}` };
}

/** The JSON of a first plan of a synthesized stack. */
export function planOfStack(stackJson: any, options: PlanFixtureOptions = {}): any {
  const resources = stackJson.resource ?? {};
  const managed = new Set(Object.keys(resources).flatMap((t) => Object.keys(resources[t]).map((n) => `${t}.${n}`)));
  const planned: any[] = [];
  const changes: any[] = [];
  const configured: any[] = [];
  for (const type of Object.keys(resources).sort()) {
    for (const name of Object.keys(resources[type]).sort()) {
      const address = `${type}.${name}`;
      const provider = providerOf(stackJson, type);
      const c = convert(resources[type][name], type, managed);
      const after = (c.after as any[])[0] as Record<string, any>;
      const afterUnknown = { ...((c.unknown as any[])[0] as Record<string, unknown>), id: true } as Record<string, any>;
      const afterSensitive: Record<string, any> = {};
      for (const attribute of COMPUTED_SENSITIVE[type] ?? []) {
        afterUnknown[attribute] = true;
        afterSensitive[attribute] = true;
      }
      for (const [path, value] of Object.entries(options.set?.[address] ?? {})) {
        setPath(after, path, value);
        deletePath(afterUnknown, path);
      }
      for (const path of options.unknown?.[address] ?? []) {
        deletePath(after, path);
        setPath(afterUnknown, path, true);
      }
      for (const path of options.sensitive?.[address] ?? []) {
        setPath(afterSensitive, path, true);
      }
      configured.push({ address, mode: 'managed', type, name, provider_config_key: provider.key, expressions: (c.expressions as any[])[0], schema_version: 0 });
      if (options.omit?.includes(address)) {
        continue;
      }
      planned.push({ address, mode: 'managed', type, name, provider_name: provider.name, schema_version: 0, values: after, sensitive_values: afterSensitive });
      changes.push({
        address,
        mode: 'managed',
        type,
        name,
        provider_name: provider.name,
        change: { actions: ['create'], before: null, after, after_unknown: afterUnknown, before_sensitive: false, after_sensitive: afterSensitive },
      });
    }
  }
  const providers = [...new Set(configured.map((r) => r.provider_config_key as string))].sort();
  return {
    format_version: '1.2',
    terraform_version: options.terraformVersion ?? '1.9.8',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    configuration: {
      provider_config: Object.fromEntries(providers.map((p) => [p, { name: p, full_name: providerOf(stackJson, `${p}_x`).name }])),
      root_module: { resources: configured },
    },
    timestamp: '2026-01-01T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}
