// Validates Kubernetes and Istio manifests against their schemas with kubernetes-models (ESM-only
// packages, so this runs in its own Node process), then the Istio ones against the cross-field checks
// of Istio's admission. Reads a JSON list of manifests on stdin and writes a JSON list of
// { index, kind, error } for the invalid ones.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { admissionProblems } from './istio-admission.mjs';

const GROUPS = {
  'v1': 'kubernetes-models/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1': 'kubernetes-models/rbac.authorization.k8s.io/v1',
  'security.istio.io/v1': '@kubernetes-models/istio/security.istio.io/v1',
  'networking.istio.io/v1alpha3': '@kubernetes-models/istio/networking.istio.io/v1alpha3',
};
// @kubernetes-models/istio 2.x (the last line that runs on Node 20) has no v1 PeerAuthentication.
// Istio serves v1 and v1beta1 PeerAuthentication from one schema (the two generated models of the
// 3.x line are the same but for the version string), so a v1 object is checked by the v1beta1 model.
const SAME_SCHEMA_AS = {
  'security.istio.io/v1 PeerAuthentication': 'security.istio.io/v1beta1',
};
// Likewise networking.istio.io/v1 (Istio 1.22+, which promoted v1beta1 unchanged): one CRD schema serves
// v1, v1beta1 and v1alpha3, and the 2.x models have v1beta1.
const SAME_GROUP_SCHEMA_AS = {
  'networking.istio.io/v1': 'networking.istio.io/v1beta1',
};

const manifests = JSON.parse(readFileSync(0, 'utf-8'));
const problems = [];
for (const [index, manifest] of manifests.entries()) {
  const alias = SAME_SCHEMA_AS[`${manifest.apiVersion} ${manifest.kind}`] ?? SAME_GROUP_SCHEMA_AS[manifest.apiVersion];
  const module = alias ? `@kubernetes-models/istio/${alias}` : GROUPS[manifest.apiVersion];
  if (!module) {
    problems.push({ index, kind: manifest.kind, error: `no schema for apiVersion ${manifest.apiVersion}` });
    continue;
  }
  try {
    const models = await import(`${module}/${manifest.kind}`);
    new models[manifest.kind](alias ? { ...manifest, apiVersion: alias } : manifest).validate();
  } catch (e) {
    problems.push({ index, kind: manifest.kind, error: String(e && e.message ? e.message : e) });
    continue;
  }
  for (const error of admissionProblems(manifest)) {
    problems.push({ index, kind: manifest.kind, error: `admission: ${error}` });
  }
}
process.stdout.write(JSON.stringify(problems));
