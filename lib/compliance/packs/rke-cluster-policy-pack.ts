import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import { RancherGroup } from '../../rancher/access/rancher-group';
import { check, defineRule, nonCompliant, unknown } from '../define-rule';
import { isTerraformExpression } from '../resolved-resource';
import { RulePack } from '../rule-pack';
import { rancherClusterOwnerGroup } from '../rules/rancher/cluster-owner-group';
import { rancherOwnersAreGroups } from '../rules/rancher/owners-are-groups';
import { withRke2Config } from '../rules/rancher/rke2-config';
import { rancherTenantNotClusterOwner } from '../rules/rancher/tenant-not-cluster-owner';
import { IComplianceRule, IResolvedResource, IRuleContext, RuleSeverity } from '../types';

/** One RKE2 config key every cluster must set in machine_global_config (and no selector entry may change). */
export interface RequiredRke2Setting {
  /** RKE2 config key, e.g. `cni` or `kube-apiserver-arg`. */
  readonly key: string;
  /**
   * Required value, as text: equal to a string value, to a boolean or number written as text
   * (`"true"`, `"4096"`), or contained in a list value (e.g. one `kube-apiserver-arg` entry).
   */
  readonly value: string;
}

/** Props of {@link RkeClusterPolicyPack}. */
export interface RkeClusterPolicyPackProps {
  /**
   * Kubernetes minor versions clusters may run, e.g. `["1.31", "1.32"]`.
   * @default - any version
   */
  readonly allowedKubernetesMinorVersions?: string[];
  /**
   * RKE2 config settings every cluster must have.
   * @default - none
   */
  readonly requiredMachineGlobalConfig?: RequiredRke2Setting[];
  /**
   * Names of the Rancher cloud credentials clusters and machine pools may use.
   * @default - any credential
   */
  readonly allowedCloudCredentialNames?: string[];
  /**
   * Groups of tenants that must never own a cluster, even where they hold no project role in this app
   * (groups with a role in one of a cluster's projects are tenants of that cluster anyway).
   * @default - only groups with project roles count as tenants
   */
  readonly tenantGroups?: RancherGroup[];
  /**
   * More rules of the organisation, checked with these.
   * @default - none
   */
  readonly additionalRules?: IComplianceRule[];
  /**
   * Pack name shown in reports.
   * @default "rke-cluster-policy"
   */
  readonly name?: string;
}

const MINOR = /^1\.\d+$/;
const CLUSTER = 'rancher2_cluster_v2';

function matches(value: unknown, wanted: string): boolean {
  if (Array.isArray(value)) {
    return value.some((v) => String(v) === wanted);
  }
  return value !== undefined && value !== null && String(value) === wanted;
}

function kubernetesVersionRule(allowed: string[]): IComplianceRule {
  return defineRule(
    {
      id: 'rke-policy-kubernetes-version',
      title: `RKE2 clusters run an allowed Kubernetes minor version (${allowed.join(', ')})`,
      severity: RuleSeverity.ERROR,
      remediation: `Set kubernetes_version to an RKE2 release of Kubernetes ${allowed.join(' or ')}.`,
      cisControls: [],
      resourceTypes: [CLUSTER],
    },
    (cluster) => {
      const version = cluster.get('kubernetes_version');
      const match = /^v(1\.\d+)\.\d+\+rke2r\d+$/.exec(String(version ?? ''));
      if (!match) {
        return nonCompliant(`kubernetes_version ${JSON.stringify(version)} is not an RKE2 release`);
      }
      return check(allowed.includes(match[1]), `Kubernetes ${match[1]} is not allowed (allowed: ${allowed.join(', ')})`);
    },
  );
}

function requiredSettingsRule(settings: RequiredRke2Setting[]): IComplianceRule {
  const listed = settings.map((s) => `${s.key}=${s.value}`).join(', ');
  return defineRule(
    {
      id: 'rke-policy-machine-global-config',
      title: `RKE2 clusters set the organisation's required config (${listed})`,
      severity: RuleSeverity.ERROR,
      remediation: `Set these RKE2 config keys in machine_global_config, and override none of them in machine_selector_config: ${listed}.`,
      cisControls: [],
      resourceTypes: [CLUSTER],
    },
    (cluster) =>
      withRke2Config(cluster, (config) => {
        const failures = settings.flatMap((s) => config.failures('any', s.key, (v) => matches(v, s.value)));
        return check(failures.length === 0, `required settings missing: ${failures.join('; ')}`);
      }),
  );
}

/** The names of the credentials an id attribute refers to; `undefined` entries cannot be known at synth. */
function credentialNames(value: unknown, context: IRuleContext): Array<string | undefined> {
  if (value === undefined || value === null) {
    return [];
  }
  if (!isTerraformExpression(value)) {
    return [undefined]; // a literal credential id: its name is only known to Rancher
  }
  const credential = context.resourcesOfType('rancher2_cloud_credential').find((c) => value.includes(`\${${c.address}.`));
  if (!credential) {
    return [undefined];
  }
  const name = credential.config.name;
  return [typeof name === 'string' && !isTerraformExpression(name) ? name : undefined];
}

function cloudCredentialRule(allowed: string[]): IComplianceRule {
  return defineRule(
    {
      id: 'rke-policy-cloud-credential',
      title: `RKE2 clusters and their machine pools use an allowed cloud credential (${allowed.join(', ')})`,
      severity: RuleSeverity.ERROR,
      remediation: `Reference a rancher2_cloud_credential named ${allowed.join(' or ')} from cloud_credential_secret_name.`,
      cisControls: [],
      resourceTypes: [CLUSTER],
    },
    (cluster: IResolvedResource, context: IRuleContext) => {
      const pools: any[] = cluster.config.rke_config?.[0]?.machine_pools ?? cluster.config.rke_config?.machine_pools ?? [];
      const refs = [cluster.config.cloud_credential_secret_name, ...pools.map((p: any) => p?.cloud_credential_secret_name)];
      const names = refs.flatMap((ref) => credentialNames(ref, context));
      if (names.length === 0) {
        return nonCompliant('no cloud credential is referenced');
      }
      if (names.includes(undefined)) {
        return unknown('a cloud credential is given by id or from outside this stack; its name is not known at synth time');
      }
      const bad = [...new Set(names.filter((n) => !allowed.includes(n!)))];
      return check(bad.length === 0, `cloud credentials not allowed: ${bad.join(', ')}`);
    },
  );
}

/**
 * The organisation's rules for every `rancher2_cluster_v2` in the app: how clusters are built (allowed
 * Kubernetes minors, required RKE2 config keys, allowed cloud credentials) and who runs them (always: an
 * owner group for every cluster, owner and admin roles for groups only, no cluster-owner for tenant
 * groups), plus rules of your own. Unlike RKE templates (which applied only to clusters Rancher launched
 * from them), it checks every cluster at synth.
 */
export class RkeClusterPolicyPack extends RulePack {
  constructor(props?: RkeClusterPolicyPackProps) {
    // null from a JavaScript caller means "not given", as undefined does.
    props = props ?? {};
    const construct = 'RkeClusterPolicyPack';
    const tenants = props.tenantGroups ?? [];
    if (!Array.isArray(tenants) || tenants.some((g) => !(g instanceof RancherGroup))) {
      throw invalidProp(construct, 'tenantGroups', tenants, 'a list of RancherGroup', 'e.g. [RancherGroup.entraId("<object id>")]');
    }
    const rules: IComplianceRule[] = [];
    const minors = props.allowedKubernetesMinorVersions;
    if (minors !== undefined) {
      for (const minor of minors) {
        if (Token.isUnresolved(minor) || !MINOR.test(minor)) {
          throw invalidProp(construct, 'allowedKubernetesMinorVersions', minor, 'Kubernetes minor versions such as "1.32"', 'list minors without the patch or "v", e.g. ["1.31", "1.32"]');
        }
      }
      if (minors.length === 0) {
        throw invalidProp(construct, 'allowedKubernetesMinorVersions', minors, 'at least one minor version', 'leave the prop unset to allow any version');
      }
      rules.push(kubernetesVersionRule([...minors].sort()));
    }
    const settings = props.requiredMachineGlobalConfig;
    if (settings !== undefined && settings.length > 0) {
      for (const s of settings) {
        if (!s.key || Token.isUnresolved(s.key) || s.value === undefined || Token.isUnresolved(s.value)) {
          throw invalidProp(construct, 'requiredMachineGlobalConfig', s, 'literal { key, value } pairs', 'e.g. { key: "cni", value: "calico" }');
        }
      }
      rules.push(requiredSettingsRule(settings));
    }
    const credentials = props.allowedCloudCredentialNames;
    if (credentials !== undefined) {
      if (credentials.length === 0 || credentials.some((c) => !c || Token.isUnresolved(c))) {
        throw invalidProp(construct, 'allowedCloudCredentialNames', credentials, 'one or more literal credential names', 'leave the prop unset to allow any credential');
      }
      rules.push(cloudCredentialRule([...credentials].sort()));
    }
    // Who runs the clusters: always checked.
    rules.push(rancherClusterOwnerGroup, rancherOwnersAreGroups, rancherTenantNotClusterOwner([...new Set(tenants.map((g) => g.principalId))].sort()));
    super(props.name ?? 'rke-cluster-policy', [...rules, ...(props.additionalRules ?? [])]);
  }
}
