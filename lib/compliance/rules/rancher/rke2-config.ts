// Internal helpers for the rancher rules: read the RKE2 config a rancher2_cluster_v2 gives its nodes.
//
// machine_global_config and machine_selector_config[].config are YAML strings. HardenedRke2Cluster writes
// them as JSON (which is valid YAML), so the rules parse JSON. A config written in other YAML syntax may
// well be correct, but the engine cannot read it without a YAML parser, so the rules report it as
// `unknown` with a clear message: never a pass, and (at error severity) it still blocks synth.
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource, IRuleContext, RuleEvaluation } from '../../types';
import { unknown } from '../../define-rule';

/** The default `config` of a selector entry in rancher2 14.1.1 when none is given. */
const SELECTOR_CONFIG_DEFAULT = { 'protect-kernel-defaults': false };

/** Thrown when an RKE2 config string is not JSON; rules turn it into `unknown`. */
export class NotJsonError extends Error {
  constructor(what: string) {
    super(`${what} is not JSON, so it cannot be checked at synth time (write it as JSON, which is valid YAML, as HardenedRke2Cluster does)`);
    this.name = 'NotJsonError';
  }
}

/** A selector entry: its parsed config and whether it applies to every node. */
export interface SelectorEntry {
  readonly index: number;
  readonly config: any;
  readonly allNodes: boolean;
}

/** The RKE2 config of a cluster: global keys plus the selector entries that override them. */
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
      return { index, config: config ?? {}, allNodes: selector === undefined || selector === null };
    });
    return new Rke2Config(global, selectors);
  }

  private constructor(
    public readonly global: any,
    public readonly selectors: SelectorEntry[],
  ) {}

  /**
   * Where a key does not satisfy the predicate on some node: the global value (unless an entry for every
   * node replaces it) and each selector entry that sets the key. Empty when every node satisfies it.
   */
  public failures(key: string, ok: (value: any) => boolean): string[] {
    const setting = this.selectors.filter((s) => key in s.config);
    const failures: string[] = [];
    if (!setting.some((s) => s.allNodes) && !ok(this.global[key])) {
      failures.push(`machine_global_config ${key}=${show(this.global[key])}`);
    }
    for (const s of setting) {
      if (!ok(s.config[key])) {
        failures.push(`machine_selector_config[${s.index}] ${key}=${show(s.config[key])}`);
      }
    }
    return failures;
  }

  /** Every value a key takes on some node (global unless replaced everywhere, plus selector values). */
  public values(key: string): any[] {
    const setting = this.selectors.filter((s) => key in s.config);
    const values = setting.map((s) => s.config[key]);
    return setting.some((s) => s.allNodes) ? values : [this.global[key], ...values];
  }
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

/** `flag=value` entries of an RKE2 `*-arg` key (a list, or one string), as a map (last wins). */
export function argMap(value: unknown): Map<string, string> {
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const map = new Map<string, string>();
  for (const entry of list) {
    const text = String(entry).replace(/^--?/, '');
    const eq = text.indexOf('=');
    map.set(eq < 0 ? text : text.slice(0, eq), eq < 0 ? '' : text.slice(eq + 1));
  }
  return map;
}

/** The admission plugins a kube-apiserver-arg value enables. */
export function admissionPlugins(value: unknown): string[] {
  const list = argMap(value).get('enable-admission-plugins');
  return list ? list.split(',').map((p) => p.trim()).filter(Boolean) : [];
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
  const apiServerArgs = config.values('kube-apiserver-arg');
  for (const args of apiServerArgs) {
    const explicit = argMap(args).get('admission-control-config-file');
    if (explicit) {
      paths.add(explicit);
    }
  }
  if (paths.size === 0) {
    for (const path of config.values('pod-security-admission-config-file')) {
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
