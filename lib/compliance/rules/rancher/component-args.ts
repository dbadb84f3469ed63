import { cisRke2 } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { IComplianceRule, RuleSeverity } from '../../types';
import { RKE2_API_SERVER_DEFAULTS, Rke2Args } from './rke2-args';
import { Rke2Role, withRke2Config } from './rke2-config';

// RKE2 starts every component with the flag values these CIS controls ask for (its self-assessment passes
// them with no configuration). What can break them is a `*-arg` entry in the config a machine gets: the
// global config may keep every hardened key while a selector entry for some machines adds
// `anonymous-auth=true`. Each rule judges the effective arguments of every machine of the component's role.

/** One CIS check of a component flag: a problem when the effective arguments break it. */
interface FlagCheck {
  readonly control: string;
  readonly problem: (args: Rke2Args) => string | undefined;
}

/** The flag, when set, has exactly this value (unset, RKE2's hardened default applies). */
const mustBe = (control: string, flag: string, wanted: string): FlagCheck => ({
  control,
  problem: (args) => (args.has(flag) && args.value(flag)?.toLowerCase() !== wanted ? `${flag}=${args.value(flag)} (CIS ${control}: ${wanted})` : undefined),
});
/** The flag is not set. */
const unset = (control: string, flag: string): FlagCheck => ({
  control,
  problem: (args) => (args.has(flag) ? `${flag}=${args.value(flag)} (CIS ${control}: not set)` : undefined),
});
/** The flag, when set, is not empty. */
const notEmpty = (control: string, flag: string): FlagCheck => ({
  control,
  problem: (args) => (args.has(flag) && (args.value(flag) ?? '') === '' ? `${flag} is empty (CIS ${control}: set as RKE2 sets it)` : undefined),
});
/** The list flag has (or lacks) an item. */
const listHas = (control: string, flag: string, item: string, wanted: boolean, read: (args: Rke2Args) => string[] = (a) => a.list(flag)): FlagCheck => ({
  control,
  problem: (args) => (read(args).includes(item) !== wanted ? `${flag} ${wanted ? 'lacks' : 'has'} ${item} (CIS ${control})` : undefined),
});
/** A feature gate, when set, is not switched off. */
const gateOn = (control: string, gate: string): FlagCheck => ({
  control,
  problem: (args) => (args.list('feature-gates').some((g) => g.replace(/\s/g, '').toLowerCase() === `${gate.toLowerCase()}=false`) ? `feature-gates ${gate}=false (CIS ${control})` : undefined),
});
/** A duration flag is not zero (zero turns the timeout off). */
const nonZeroDuration = (control: string, flag: string): FlagCheck => ({
  control,
  problem: (args) => (args.has(flag) && /^0+(\.0*)?(ns|us|µs|ms|s|m|h)?$/.test(args.value(flag) ?? '') ? `${flag}=${args.value(flag)} (CIS ${control}: not 0)` : undefined),
});

interface ComponentRule {
  readonly id: string;
  readonly component: string;
  readonly key: string;
  readonly role: Rke2Role | 'any';
  readonly defaults?: Record<string, string>;
  readonly checks: FlagCheck[];
}

function componentRule(spec: ComponentRule): IComplianceRule {
  const controls = [...new Set(spec.checks.map((c) => c.control))];
  return defineRule(
    {
      id: spec.id,
      title: `No ${spec.key} entry on ${spec.role === 'any' ? 'any machine' : `any ${spec.role} machine`} weakens the ${spec.component} flags CIS checks (${controls.join(', ')})`,
      severity: RuleSeverity.ERROR,
      remediation: `Remove the ${spec.key} entries that weaken the ${spec.component} from machine_global_config and from every machineSelectorConfigs entry (RKE2's own values pass these checks).`,
      remediationTargets: ['HardenedRke2ClusterProps.machineSelectorConfigs'],
      cisControls: controls.map(cisRke2),
      resourceTypes: ['rancher2_cluster_v2'],
      constructDefault: `HardenedRke2Cluster: no ${spec.key} entry that weakens these flags; RKE2 sets them hardened`,
    },
    (cluster) =>
      withRke2Config(cluster, (config) => {
        const problems = config.problems(spec.role, ({ config: c, sources }) => {
          const args = Rke2Args.of(c[spec.key], spec.defaults);
          const found = spec.checks.map((f) => f.problem(args)).filter((p): p is string => p !== undefined);
          return found.length ? [`${sources[spec.key] ?? 'machine_global_config'} ${spec.key}: ${found.join(', ')}`] : [];
        });
        return check(problems.length === 0, problems.join('; '));
      }),
  );
}

export const rke2ApiServerArgs = componentRule({
  id: 'rke2-api-server-args',
  component: 'API server',
  key: 'kube-apiserver-arg',
  role: 'control-plane',
  defaults: RKE2_API_SERVER_DEFAULTS,
  checks: [
    mustBe('1.2.1', 'anonymous-auth', 'false'),
    unset('1.2.2', 'token-auth-file'),
    notEmpty('1.2.5', 'kubelet-certificate-authority'),
    listHas('1.2.6', 'authorization-mode', 'AlwaysAllow', false),
    listHas('1.2.7', 'authorization-mode', 'Node', true),
    listHas('1.2.8', 'authorization-mode', 'RBAC', true),
    listHas('1.2.10', 'enable-admission-plugins', 'AlwaysAdmit', false, (a) => a.admissionPlugins()),
    listHas('1.2.13', 'disable-admission-plugins', 'ServiceAccount', false),
    listHas('1.2.14', 'disable-admission-plugins', 'NamespaceLifecycle', false),
    listHas('1.2.15', 'disable-admission-plugins', 'NodeRestriction', false),
    mustBe('1.2.16', 'profiling', 'false'),
    mustBe('1.2.22', 'service-account-lookup', 'true'),
  ],
});

export const rke2KubeletArgs = componentRule({
  id: 'rke2-kubelet-args',
  component: 'kubelet',
  key: 'kubelet-arg',
  role: 'any',
  checks: [
    mustBe('4.2.1', 'anonymous-auth', 'false'),
    listHas('4.2.2', 'authorization-mode', 'AlwaysAllow', false),
    notEmpty('4.2.3', 'client-ca-file'),
    mustBe('4.2.4', 'read-only-port', '0'),
    nonZeroDuration('4.2.5', 'streaming-connection-idle-timeout'),
    mustBe('4.2.6', 'make-iptables-util-chains', 'true'),
    mustBe('4.2.10', 'rotate-certificates', 'true'),
    gateOn('4.2.11', 'RotateKubeletServerCertificate'),
  ],
});

export const rke2ControllerManagerArgs = componentRule({
  id: 'rke2-controller-manager-args',
  component: 'controller manager',
  key: 'kube-controller-manager-arg',
  role: 'control-plane',
  checks: [
    mustBe('1.3.2', 'profiling', 'false'),
    mustBe('1.3.3', 'use-service-account-credentials', 'true'),
    gateOn('1.3.6', 'RotateKubeletServerCertificate'),
    mustBe('1.3.7', 'bind-address', '127.0.0.1'),
  ],
});

export const rke2SchedulerArgs = componentRule({
  id: 'rke2-scheduler-args',
  component: 'scheduler',
  key: 'kube-scheduler-arg',
  role: 'control-plane',
  checks: [mustBe('1.4.1', 'profiling', 'false'), mustBe('1.4.2', 'bind-address', '127.0.0.1')],
});

export const rke2EtcdArgs = componentRule({
  id: 'rke2-etcd-args',
  component: 'etcd',
  key: 'etcd-arg',
  role: 'etcd',
  checks: [
    mustBe('2.2', 'client-cert-auth', 'true'),
    mustBe('2.3', 'auto-tls', 'false'),
    mustBe('2.5', 'peer-client-cert-auth', 'true'),
    mustBe('2.6', 'peer-auto-tls', 'false'),
  ],
});
