import { KUBE_BENCH_HOST_PATHS } from '../../../kubernetes/addons/kube-bench/host-mounts';
import { check, defineRule, notApplicable } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource, RuleSeverity } from '../../types';

const list = (value: unknown): any[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const one = (value: unknown): any => (Array.isArray(value) ? value[0] : value);

/** The pod spec of a CronJob or Job, or undefined. */
function podSpec(job: IResolvedResource): any {
  const spec = one(job.config.spec);
  const template = job.terraformType === 'kubernetes_cron_job_v1' ? one(one(one(spec?.job_template)?.spec)?.template) : one(spec?.template);
  return { labels: one(template?.metadata)?.labels ?? {}, spec: one(template?.spec) };
}

function isKubeBench(labels: any, pod: any): boolean {
  return labels['app.kubernetes.io/name'] === 'kube-bench' || list(pod?.container).some((c) => /(^|\/)kube-bench(:|@|$)/.test(String(c?.image ?? '')));
}

/**
 * The kube-bench job keeps what the library gives it, and no more: its namespace enforces Pod Security
 * `privileged` (a built-in waiver, for the host PID namespace), so nothing at admission stops an override
 * that makes the container privileged or mounts more of the node. Host PID and the read-only host paths
 * the node checks read are all it gets.
 */
export const kubeBenchJobLeastPrivilege = defineRule(
  {
    id: 'kube-bench-job-least-privilege',
    title: 'The kube-bench job runs unprivileged with only its read-only host mounts (no host network or IPC, no added capabilities)',
    severity: RuleSeverity.ERROR,
    remediation: 'Remove the override of the kube-bench job: KubeBenchAddon gives it host PID and read-only mounts of the paths its node checks read, nothing more.',
    remediationTargets: ['KubeBenchAddon'],
    cisControls: [],
    resourceTypes: ['kubernetes_cron_job_v1', 'kubernetes_job_v1'],
    constructDefault: `KubeBenchAddon: host PID, read-only mounts of ${KUBE_BENCH_HOST_PATHS.join(', ')}; unprivileged, no privilege escalation, all capabilities dropped`,
  },
  (job) => {
    if (job.isUnresolved('spec')) {
      throw new UnresolvedValueError('spec', job.config.spec);
    }
    const { labels, spec } = podSpec(job);
    if (!spec || !isKubeBench(labels, spec)) {
      return notApplicable('not the kube-bench job');
    }
    const problems: string[] = [];
    for (const flag of ['host_network', 'host_ipc']) {
      if (spec[flag] === true || spec[flag] === 'true') {
        problems.push(`${flag}=true`);
      }
    }
    const hostPaths = new Map<string, string>();
    for (const volume of list(spec.volume)) {
      const host = one(volume?.host_path);
      if (host) {
        const path = String(host.path ?? '');
        hostPaths.set(String(volume.name), path);
        if (isTerraformExpression(path) || !KUBE_BENCH_HOST_PATHS.includes(path)) {
          problems.push(`host path ${path} is not one kube-bench reads`);
        }
      }
    }
    for (const container of [...list(spec.container), ...list(spec.init_container)]) {
      const name = container?.name;
      const context = one(container?.security_context) ?? {};
      if (context.privileged === true || context.privileged === 'true') {
        problems.push(`container ${name} is privileged`);
      }
      if (context.allow_privilege_escalation !== false) {
        problems.push(`container ${name} allows privilege escalation`);
      }
      if (list(one(context.capabilities)?.add).length > 0) {
        problems.push(`container ${name} adds capabilities ${JSON.stringify(one(context.capabilities).add)}`);
      }
      for (const mount of list(container?.volume_mount)) {
        if (hostPaths.has(String(mount?.name)) && mount.read_only !== true) {
          problems.push(`container ${name} mounts host path ${hostPaths.get(String(mount.name))} writable`);
        }
      }
    }
    return check(problems.length === 0, problems.join('; '));
  },
);
