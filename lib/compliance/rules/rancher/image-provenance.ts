import { cisRke2 } from '../../../cis/refs';
import { check, compliant, defineRule, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { workloadNamespaces } from '../../../kubernetes/exemptions';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { admissionConfigPaths, admissionConfigsOnControlPlane, admissionPlugins, NotJsonError, pluginConfiguration, readable, withRke2Config } from './rke2-config';

/** The objects of a multi-document manifest written as JSON documents separated by `---`. */
function manifestObjects(manifest: string): any[] {
  return manifest
    .split(/^---\s*$/m)
    .map((doc) => doc.trim())
    .filter(Boolean)
    .map((doc) => {
      try {
        return JSON.parse(doc);
      } catch {
        throw new NotJsonError('rke_config.additional_manifest');
      }
    });
}

/** The Deny bindings of ValidatingAdmissionPolicies that check container images. */
function imagePolicyBindings(objects: any[]): any[] {
  const policies = objects.filter(
    (o) =>
      o?.kind === 'ValidatingAdmissionPolicy' &&
      (o.spec?.failurePolicy ?? 'Fail') === 'Fail' &&
      (o.spec?.validations ?? []).some((v: any) => typeof v?.expression === 'string' && /\.image\b/.test(v.expression)),
  );
  return objects.filter(
    (o) =>
      o?.kind === 'ValidatingAdmissionPolicyBinding' &&
      policies.some((p) => p.metadata?.name === o.spec?.policyName) &&
      (o.spec?.validationActions ?? []).includes('Deny'),
  );
}

/** The namespaces a binding leaves out by name that may hold workloads (neither system nor agent namespaces). */
function exemptedWorkloadNamespaces(binding: any): string[] {
  const expressions: any[] = binding.spec?.matchResources?.namespaceSelector?.matchExpressions ?? [];
  return workloadNamespaces(
    expressions.filter((e) => e?.key === 'kubernetes.io/metadata.name' && e?.operator === 'NotIn').flatMap((e) => e.values ?? []),
  );
}

/** Images are admitted only from approved sources, by an admission control in the API server itself. */
export const rke2ImageProvenance = defineRule(
  {
    id: 'rke2-image-provenance',
    title: 'The API server admits images only from approved sources (ValidatingAdmissionPolicy in additional_manifest, or ImagePolicyWebhook)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Give HardenedRke2Cluster allowedRegistries (it ships a ValidatingAdmissionPolicy that denies other images) and exempt no workload namespace from it in imagePolicyExemptNamespaces, or enable ImagePolicyWebhook with its configuration in the admission configuration file.',
    remediationTargets: ['HardenedRke2ClusterProps.allowedRegistries', 'HardenedRke2ClusterProps.imagePolicyExemptNamespaces'],
    cisControls: [cisRke2('5.5.1')],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: ValidatingAdmissionPolicy hardened-allowed-registries (Deny) in rke_config.additional_manifest',
  },
  (cluster, context) =>
    withRke2Config(cluster, (config) =>
      readable(() => {
        const manifest = cluster.get('rke_config.additional_manifest');
        if (typeof manifest === 'string' && manifest.trim() !== '') {
          if (isTerraformExpression(manifest)) {
            throw new UnresolvedValueError('rke_config.additional_manifest', manifest);
          }
          const bindings = imagePolicyBindings(manifestObjects(manifest));
          if (bindings.length > 0) {
            const exempted = [...new Set(bindings.flatMap(exemptedWorkloadNamespaces))].sort();
            return exempted.length === 0
              ? compliant('ValidatingAdmissionPolicy with Deny in additional_manifest')
              : nonCompliant(`the image admission policy exempts namespaces that may hold workloads: ${exempted.join(', ')}`);
          }
        }
        const webhook = config.failures('control-plane', 'kube-apiserver-arg', (args) => admissionPlugins(args).includes('ImagePolicyWebhook'));
        if (webhook.length) {
          return nonCompliant('no image admission policy in additional_manifest and ImagePolicyWebhook is not enabled');
        }
        const configured = admissionConfigPaths(config).some((path) => {
          const { configs, missing } = admissionConfigsOnControlPlane(cluster, context, path);
          return missing.length === 0 && configs.length > 0 && configs.every((c) => pluginConfiguration(c, 'ImagePolicyWebhook') !== undefined);
        });
        return check(configured, 'ImagePolicyWebhook is enabled but no admission configuration written to the control plane configures it');
      }),
    ),
);
