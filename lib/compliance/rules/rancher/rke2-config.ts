// Internal helpers for the rancher rules: the RKE2 configuration each machine of a rancher2_cluster_v2
// actually gets, computed once and judged by every RKE2 rule.
//
// Rancher's planner (pkg/capr/planner/config.go addUserConfig) builds a machine's config from
// machine_global_config, then every machine_selector_config entry in order whose machine_label_selector
// matches the machine's labels (no selector: every machine), each key of a later entry replacing the
// whole value of that key (lists are replaced, not appended). It then keeps only keys RKE2 knows for the
// machine's role and reads boolean keys with norman's ToBool. The labels a machine has are its pool's
// (pkg/controllers/provisioningv2 MachineDeployment template): the role labels, the pool, cluster and
// deployment names, cattle.io/os and the pool's machine_labels. A selector on any other label may or may
// not match a machine, so both outcomes are judged.
//
// machine_global_config and machine_selector_config[].config are YAML strings. HardenedRke2Cluster writes
// them as JSON (which is valid YAML), so the rules parse JSON. A config written in other YAML syntax may
// well be correct, but the engine cannot read it without a YAML parser, so the rules report it as
// `unknown` with a clear message: never a pass, and (at error severity) it still blocks synth.
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource, IRuleContext, RuleEvaluation } from '../../types';
import { unknown } from '../../define-rule';
import { RKE2_API_SERVER_DEFAULTS, Rke2Args } from './rke2-args';

/** The default `config` of a selector entry in rancher2 14.1.1 when none is given. */
const SELECTOR_CONFIG_DEFAULT = { 'protect-kernel-defaults': false };

/** RKE2 config keys of type boolean: Rancher converts their values with norman's ToBool. */
const BOOLEAN_KEYS = new Set(['protect-kernel-defaults', 'etcd-expose-metrics', 'secrets-encryption', 'selinux', 'etcd-disable-snapshots']);

/** Selectors whose match cannot be decided are judged both ways; beyond this many the config is unknown. */
const MAX_UNDECIDED_SELECTORS = 6;

/** Thrown when an RKE2 config string is not JSON; rules turn it into `unknown`. */
export class NotJsonError extends Error {
  constructor(what: string) {
    super(`${what} is not JSON, so it cannot be checked at synth time (write it as JSON, which is valid YAML, as HardenedRke2Cluster does)`);
    this.name = 'NotJsonError';
  }
}

/** Thrown when the engine cannot tell which config a machine gets; rules turn it into `unknown` (never a pass). */
export class UndecidableConfigError extends NotJsonError {
  constructor(message: string) {
    super('');
    this.message = message;
    this.name = 'UndecidableConfigError';
  }
}

/** A machine role in an RKE2 cluster. */
export type Rke2Role = 'etcd' | 'control-plane' | 'worker';

const ROLE_LABELS: Record<Rke2Role, string> = {
  'etcd': 'rke.cattle.io/etcd-role',
  'control-plane': 'rke.cattle.io/control-plane-role',
  'worker': 'rke.cattle.io/worker-role',
};

/** Three-valued match of a selector against a machine. */
type Match = 'yes' | 'no' | 'maybe';

/** A label selector requirement (matchLabels entries become `In` with one value). */
interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values: string[];
}

/** A selector entry: its parsed config and its label requirements (undefined: every machine). */
export interface SelectorEntry {
  readonly index: number;
  readonly config: any;
  readonly requirements?: Requirement[];
}

/** The labels of a pool's machines: `known` keys are decided (absent means absent); others may exist. */
interface MachineGroup {
  readonly name: string;
  readonly roles: Rke2Role[];
  readonly labels: Map<string, string | undefined>;
}

/** The config one group of machines gets, with where each key came from. */
export interface EffectiveConfig {
  /** `pool "name"`, or `every <role> machine` when the cluster lists no pools. */
  readonly machines: string;
  readonly roles: Rke2Role[];
  readonly config: Record<string, any>;
  /** The source of each key: `machine_global_config` or `machine_selector_config[i]`. */
  readonly sources: Record<string, string>;
  /** Selector entries whose match could not be decided and are assumed to apply in this variant. */
  readonly assumed: number[];
}

/** The RKE2 configuration of a cluster: global keys, the selector entries, and what each machine gets. */
export class Rke2Config {
  /** Reads and parses the cluster's configs; throws UnresolvedValueError or NotJsonError. */
  public static of(cluster: IResolvedResource): Rke2Config {
    const global = parseJsonObject(cluster.get('rke_config.machine_global_config'), 'rke_config.machine_global_config') ?? {};
    const raw = cluster.get('rke_config.machine_selector_config');
    const entries: any[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    const selectors = entries.map((entry, index) => {
      if (isTerraformExpression(entry)) {
        throw new UnresolvedValueError('rke_config.machine_selector_config', entry);
      }
      const path = `rke_config.machine_selector_config.${index}.config`;
      const config = entry.config === undefined || entry.config === null ? SELECTOR_CONFIG_DEFAULT : parseJsonObject(entry.config, path);
      const selector = Array.isArray(entry.machine_label_selector) ? entry.machine_label_selector[0] : entry.machine_label_selector;
      return { index, config: config ?? {}, requirements: selector === undefined || selector === null ? undefined : requirementsOf(selector, index) };
    });
    return new Rke2Config(global, selectors, machineGroups(cluster));
  }

  /** Every effective config of every machine group (one per way the undecided selectors can go). */
  public readonly effective: EffectiveConfig[];

  private constructor(
    public readonly global: any,
    public readonly selectors: SelectorEntry[],
    groups: MachineGroup[],
  ) {
    this.effective = groups.flatMap((group) => this.configsOf(group));
  }

  /** The effective configs of the machines with a role (`any`: every machine). */
  public forRole(role: Rke2Role | 'any'): EffectiveConfig[] {
    return role === 'any' ? this.effective : this.effective.filter((e) => e.roles.includes(role));
  }

  /**
   * The problems `judge` finds in the config of each machine with the role, each once, followed by the
   * machines that have it: `machine_selector_config[1] kubelet-arg=[...] (pool "gpu")`. Empty when none.
   */
  public problems(role: Rke2Role | 'any', judge: (effective: EffectiveConfig) => string[]): string[] {
    const found = new Map<string, string[]>();
    for (const e of this.forRole(role)) {
      const where = `${e.machines}${e.assumed.length ? ` if machine_selector_config[${e.assumed.join('], [')}] ${e.assumed.length === 1 ? 'matches' : 'match'} it` : ''}`;
      for (const problem of judge(e)) {
        found.set(problem, [...(found.get(problem) ?? []), where]);
      }
    }
    return [...found].map(([problem, where]) => `${problem} (${[...new Set(where)].join('; ')})`);
  }

  /** Where a key does not satisfy the predicate on a machine with the role: its source and value, and the machines. */
  public failures(role: Rke2Role | 'any', key: string, ok: (value: any) => boolean): string[] {
    return this.problems(role, (e) => (ok(e.config[key]) ? [] : [`${e.sources[key] ?? 'machine_global_config'} ${key}=${show(e.config[key])}`]));
  }

  /** Every value a key takes on a machine with the role. */
  public values(role: Rke2Role | 'any', key: string): any[] {
    const seen = new Map<string, any>();
    this.forRole(role).forEach((e) => seen.set(JSON.stringify(e.config[key]) ?? 'undefined', e.config[key]));
    return [...seen.values()];
  }

  private configsOf(group: MachineGroup): EffectiveConfig[] {
    let variants: Array<{ config: Record<string, any>; sources: Record<string, string>; assumed: number[] }> = [
      { config: { ...this.global }, sources: Object.fromEntries(Object.keys(this.global).map((k) => [k, 'machine_global_config'])), assumed: [] },
    ];
    let undecided = 0;
    for (const selector of this.selectors) {
      const match = selector.requirements === undefined ? 'yes' : matches(selector.requirements, group.labels);
      if (match === 'no') {
        continue;
      }
      const applied = variants.map((v) => ({
        config: { ...v.config, ...selector.config },
        sources: { ...v.sources, ...Object.fromEntries(Object.keys(selector.config).map((k) => [k, `machine_selector_config[${selector.index}]`])) },
        assumed: match === 'maybe' ? [...v.assumed, selector.index] : v.assumed,
      }));
      if (match === 'yes') {
        variants = applied;
      } else {
        undecided++;
        if (undecided > MAX_UNDECIDED_SELECTORS) {
          throw new UndecidableConfigError(
            `more than ${MAX_UNDECIDED_SELECTORS} machine_selector_config entries select ${group.name} by labels the cluster does not set, so its configuration cannot be judged at synth time (select by machine_labels of the pools or by role labels)`,
          );
        }
        variants = [...variants, ...applied];
      }
    }
    return variants.map((v) => ({ machines: group.name, roles: group.roles, config: rancherView(v.config), sources: v.sources, assumed: v.assumed }));
  }
}

/** The config as Rancher hands it to RKE2: boolean keys through ToBool, values of other types dropped. */
function rancherView(config: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(config)) {
    if (BOOLEAN_KEYS.has(key) && value !== undefined && value !== null) {
      out[key] = toBool(value);
    } else if (typeof value === 'string' || typeof value === 'boolean' || Array.isArray(value)) {
      out[key] = value;
    }
  }
  return out;
}

/** norman's convert.ToBool: the first item of a list; true, or "true", "t", "yes", "y" in any case. */
function toBool(value: any): boolean {
  const single = Array.isArray(value) ? value[0] : value;
  if (typeof single === 'boolean') {
    return single;
  }
  return ['true', 't', 'yes', 'y'].includes(String(single ?? '').trim().toLowerCase());
}

function requirementsOf(selector: any, index: number): Requirement[] {
  const where = `rke_config.machine_selector_config.${index}.machine_label_selector`;
  if (isTerraformExpression(selector)) {
    throw new UnresolvedValueError(where, selector);
  }
  const labels = selector.match_labels ?? {};
  if (isTerraformExpression(labels)) {
    throw new UnresolvedValueError(`${where}.match_labels`, labels);
  }
  const expressions: any[] = selector.match_expressions === undefined || selector.match_expressions === null ? [] : [].concat(selector.match_expressions);
  return [
    ...Object.entries<any>(labels).map(([key, value]) => ({ key, operator: 'In', values: [String(value)] })),
    ...expressions.map((e) => {
      if (isTerraformExpression(e)) {
        throw new UnresolvedValueError(`${where}.match_expressions`, e);
      }
      const operator = String(e.operator ?? '');
      if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) {
        throw new UndecidableConfigError(`${where}: operator ${JSON.stringify(operator)} is not In, NotIn, Exists or DoesNotExist (Rancher refuses the selector)`);
      }
      return { key: String(e.key ?? ''), operator, values: (e.values ?? []).map(String) };
    }),
  ];
}

/** Label selector semantics (every requirement must hold), over labels some of which are unknown. */
function matches(requirements: Requirement[], labels: Map<string, string | undefined>): Match {
  const results = requirements.map((r): Match => {
    const decided = labels.has(r.key);
    const value = labels.get(r.key);
    const unresolved = r.values.some(isTerraformExpression) || (value !== undefined && isTerraformExpression(value));
    if (!decided || unresolved) {
      return 'maybe';
    }
    const present = value !== undefined;
    switch (r.operator) {
      case 'In':
        return present && r.values.includes(value!) ? 'yes' : 'no';
      case 'NotIn':
        return present && r.values.includes(value!) ? 'no' : 'yes';
      case 'Exists':
        return present ? 'yes' : 'no';
      default:
        return present ? 'no' : 'yes';
    }
  });
  return results.includes('no') ? 'no' : results.includes('maybe') ? 'maybe' : 'yes';
}

/** The machine groups of the cluster: one per pool, or one per role when it lists no pools. */
function machineGroups(cluster: IResolvedResource): MachineGroup[] {
  const raw = cluster.get('rke_config.machine_pools');
  const pools: any[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  if (pools.length === 0) {
    // Custom nodes: only the role labels are known.
    return (Object.keys(ROLE_LABELS) as Rke2Role[]).map((role) => ({
      name: `every ${role} machine`,
      roles: [role],
      labels: new Map((Object.keys(ROLE_LABELS) as Rke2Role[]).map((r) => [ROLE_LABELS[r], r === role ? 'true' : undefined])),
    }));
  }
  const clusterName = cluster.isUnresolved('name') ? '${unknown}' : String(cluster.get('name') ?? '');
  return pools.map((pool, index) => {
    if (isTerraformExpression(pool)) {
      throw new UnresolvedValueError('rke_config.machine_pools', pool);
    }
    const roles = (['etcd', 'control-plane', 'worker'] as Rke2Role[]).filter((role) => {
      const value = pool[{ 'etcd': 'etcd_role', 'control-plane': 'control_plane_role', 'worker': 'worker_role' }[role]];
      if (isTerraformExpression(value)) {
        throw new UnresolvedValueError(`rke_config.machine_pools.${index}`, value);
      }
      return value === true;
    });
    const name = String(pool.name ?? index);
    const labels = new Map<string, string | undefined>([
      ['rke.cattle.io/rke-machine-pool-name', name],
      ['rke.cattle.io/cluster-name', clusterName],
      ['cluster.x-k8s.io/cluster-name', clusterName],
      ['cluster.x-k8s.io/deployment-name', `${clusterName}-${name}`],
      ['cluster.x-k8s.io/control-plane-name', roles.includes('control-plane') ? 'true' : undefined],
      ['cattle.io/os', String(pool.machine_os ?? 'linux')],
      ...(Object.keys(ROLE_LABELS) as Rke2Role[]).map((r): [string, string | undefined] => [ROLE_LABELS[r], roles.includes(r) ? 'true' : undefined]),
    ]);
    const machineLabels = pool.machine_labels;
    if (isTerraformExpression(machineLabels)) {
      throw new UnresolvedValueError(`rke_config.machine_pools.${index}.machine_labels`, machineLabels);
    }
    Object.entries<any>(machineLabels ?? {}).forEach(([k, v]) => labels.set(k, String(v)));
    return { name: `pool ${JSON.stringify(name)}`, roles, labels };
  });
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

/** Parses a JSON object string; undefined for an unset value. */
export function parseJsonObject(value: unknown, what: string): any {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (isTerraformExpression(value)) {
    throw new UnresolvedValueError(what, value);
  }
  try {
    const parsed = JSON.parse(String(value));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed;
    }
  } catch {
    // fall through
  }
  throw new NotJsonError(what);
}

/** Runs a check on the cluster's RKE2 config, turning an unreadable config into `unknown`. */
export function withRke2Config(cluster: IResolvedResource, check: (config: Rke2Config) => RuleEvaluation): RuleEvaluation {
  let config: Rke2Config;
  try {
    config = Rke2Config.of(cluster);
  } catch (e) {
    if (e instanceof NotJsonError) {
      return unknown(e.message);
    }
    throw e;
  }
  return check(config);
}

/** The admission plugins the API server runs with a kube-apiserver-arg value (RKE2's default list kept by `+=`, minus disabled ones). */
export function admissionPlugins(value: unknown): string[] {
  return Rke2Args.of(value, RKE2_API_SERVER_DEFAULTS).admissionPlugins();
}

/** A machine pool of the cluster and the machine config it references (undefined when not in the stack). */
export interface PoolMachine {
  readonly name: string;
  readonly etcd: boolean;
  readonly controlPlane: boolean;
  readonly machineConfig?: IResolvedResource;
}

/** The cluster's machine pools with their machine configs from the same stack. */
export function poolMachines(cluster: IResolvedResource, context: IRuleContext): PoolMachine[] {
  const raw = cluster.get('rke_config.machine_pools');
  const pools: any[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const configs = context.resourcesOfType('rancher2_machine_config_v2');
  return pools.map((pool, index) => {
    if (isTerraformExpression(pool)) {
      throw new UnresolvedValueError('rke_config.machine_pools', pool);
    }
    const machineConfig = Array.isArray(pool.machine_config) ? pool.machine_config[0] : pool.machine_config;
    const ref = machineConfig?.name;
    const etcd = pool.etcd_role;
    const controlPlane = pool.control_plane_role;
    for (const [field, value] of [['etcd_role', etcd], ['control_plane_role', controlPlane]]) {
      if (isTerraformExpression(value)) {
        throw new UnresolvedValueError(`rke_config.machine_pools.${index}.${field}`, value);
      }
    }
    return {
      name: String(pool.name ?? index),
      etcd: etcd === true,
      controlPlane: controlPlane === true,
      machineConfig: configs.find((c) => ref !== undefined && (ref.includes(`\${${c.address}.`) || ref.includes(`\${${c.address}}`))),
    };
  });
}

/** The cloud-config document of a machine config (`#cloud-config` header, JSON body). */
export function cloudConfigOf(machineConfig: IResolvedResource): any {
  const data = machineConfig.get('azure_config.custom_data');
  if (data === undefined || data === null || data === '') {
    return {};
  }
  const text = String(data);
  const header = '#cloud-config';
  if (!text.startsWith(header)) {
    throw new NotJsonError(`${machineConfig.address} azure_config.custom_data (no #cloud-config header)`);
  }
  return parseJsonObject(text.slice(header.length).trim(), `${machineConfig.address} azure_config.custom_data`) ?? {};
}

/** Content of a file a cloud-config writes, or undefined. */
export function writtenFile(cloudConfig: any, path: string): string | undefined {
  const files: any[] = Array.isArray(cloudConfig.write_files) ? cloudConfig.write_files : [];
  return files.find((f) => f?.path === path)?.content;
}

/** Every command of a cloud-config (bootcmd and runcmd), each as one string. */
export function commands(cloudConfig: any): string[] {
  const all = [...(Array.isArray(cloudConfig.bootcmd) ? cloudConfig.bootcmd : []), ...(Array.isArray(cloudConfig.runcmd) ? cloudConfig.runcmd : [])];
  return all.map((c) => (Array.isArray(c) ? c.join(' ') : String(c)));
}

/**
 * For each pool that matches, the cloud-config of its machine config; a pool whose machine config is not
 * in the stack makes the result unknown (the rule cannot see what its machines get).
 */
export function poolCloudConfigs(
  cluster: IResolvedResource,
  context: IRuleContext,
  filter: (pool: PoolMachine) => boolean,
): Array<{ pool: PoolMachine; cloudConfig: any }> {
  return poolMachines(cluster, context)
    .filter(filter)
    .map((pool) => {
      if (!pool.machineConfig) {
        throw new NotJsonError(`the machine config of pool ${JSON.stringify(pool.name)} is not in this stack, so its user data`);
      }
      return { pool, cloudConfig: cloudConfigOf(pool.machineConfig) };
    });
}

/** Runs a check, turning NotJsonError (unreadable config or user data) into `unknown`. */
export function readable(check: () => RuleEvaluation): RuleEvaluation {
  try {
    return check();
  } catch (e) {
    if (e instanceof NotJsonError) {
      return unknown(e.message);
    }
    throw e;
  }
}

/**
 * The admission configuration file the API server reads, from the RKE2 config: an explicit
 * kube-apiserver-arg admission-control-config-file wins over pod-security-admission-config-file.
 */
export function admissionConfigPaths(config: Rke2Config): string[] {
  const paths = new Set<string>();
  for (const args of config.values('control-plane', 'kube-apiserver-arg')) {
    const explicit = Rke2Args.of(args).value('admission-control-config-file');
    if (explicit) {
      paths.add(explicit);
    }
  }
  if (paths.size === 0) {
    for (const path of config.values('control-plane', 'pod-security-admission-config-file')) {
      if (typeof path === 'string' && path) {
        paths.add(path);
      }
    }
  }
  return [...paths];
}

/**
 * The parsed admission configuration each control-plane pool's machines get at `path`; a file that no
 * cloud-config writes is reported in `missing`.
 */
export function admissionConfigsOnControlPlane(
  cluster: IResolvedResource,
  context: IRuleContext,
  path: string,
): { configs: any[]; missing: string[] } {
  const configs: any[] = [];
  const missing: string[] = [];
  for (const { pool, cloudConfig } of poolCloudConfigs(cluster, context, (p) => p.controlPlane)) {
    const content = writtenFile(cloudConfig, path);
    if (content === undefined) {
      missing.push(pool.name);
    } else {
      configs.push(parseJsonObject(content, `${path} on pool ${pool.name}`));
    }
  }
  return { configs, missing };
}

/** The configuration of one admission plugin in an AdmissionConfiguration. */
export function pluginConfiguration(admissionConfig: any, plugin: string): any {
  const plugins: any[] = Array.isArray(admissionConfig?.plugins) ? admissionConfig.plugins : [];
  return plugins.find((p) => p?.name === plugin)?.configuration;
}
