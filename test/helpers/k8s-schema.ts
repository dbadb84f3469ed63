import { execFileSync } from 'child_process';
import * as path from 'path';

/**
 * Schema problems of the manifests (empty when all validate), checked by kubernetes-models, and for Istio
 * objects what Istio's admission refuses beyond the schema (istio-admission.mjs).
 */
export function schemaProblems(manifests: any[]): { index: number; kind: string; error: string }[] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'validate-manifests.mjs')], {
    input: JSON.stringify(manifests),
    cwd: path.join(__dirname, '..', '..'),
    encoding: 'utf-8',
  });
  return JSON.parse(output);
}

const RENAMES: Record<string, string> = {
  container: 'containers',
  volume: 'volumes',
  volume_mount: 'volumeMounts',
  host_pid: 'hostPID',
  host_ipc: 'hostIPC',
  host_network: 'hostNetwork',
  toleration: 'tolerations',
  limit: 'limits',
  image_pull_secret: 'imagePullSecrets',
};
const INTEGER_FIELDS = new Set(['ttlSecondsAfterFinished', 'runAsUser', 'runAsGroup', 'fsGroup', 'port', 'pods']);

function camel(key: string): string {
  return RENAMES[key] ?? key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A Kubernetes object from a kubernetes provider resource's synthesized config: snake_case blocks to
 * camelCase fields (with the provider's singular block names made plural), numeric strings of integer
 * fields to numbers, and Terraform references replaced by a placeholder name.
 */
export function kubernetesObject(apiVersion: string, kind: string, config: any): any {
  const convert = (value: any, key?: string, mapKeys = false): any => {
    if (typeof value === 'string' && value.includes('${')) {
      return 'placeholder';
    }
    if (Array.isArray(value)) {
      return value.map((v) => convert(v));
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, any> = {};
      for (const k of Object.keys(value)) {
        if (k === '//') {
          continue;
        }
        // Label, annotation, data and quantity maps keep their keys.
        const keep = mapKeys;
        const name = keep ? k : camel(k);
        const childIsMap = !keep && ['labels', 'annotations', 'data', 'matchLabels', 'hard', 'limits', 'requests', 'default', 'defaultRequest', 'nodeSelector'].includes(name);
        out[name] = convert(value[k], name, childIsMap);
      }
      return out;
    }
    if (key && INTEGER_FIELDS.has(key) && typeof value === 'string' && /^\d+$/.test(value)) {
      return Number(value);
    }
    return value;
  };
  const { metadata, spec, data } = config;
  return { apiVersion, kind, metadata: convert(metadata ?? {}), ...(spec !== undefined ? { spec: convert(spec) } : {}), ...(data !== undefined ? { data } : {}) };
}
