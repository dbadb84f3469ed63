// Validates Kubernetes and Istio manifests against their schemas with kubernetes-models (ESM-only
// packages, so this runs in its own Node process). Reads a JSON list of manifests on stdin and writes
// a JSON list of { index, kind, error } for the invalid ones.
import { readFileSync } from 'node:fs';
import process from 'node:process';

const GROUPS = {
  'v1': 'kubernetes-models/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'security.istio.io/v1': '@kubernetes-models/istio/security.istio.io/v1',
  'networking.istio.io/v1': '@kubernetes-models/istio/networking.istio.io/v1',
  'networking.istio.io/v1alpha3': '@kubernetes-models/istio/networking.istio.io/v1alpha3',
};

const manifests = JSON.parse(readFileSync(0, 'utf-8'));
const problems = [];
for (const [index, manifest] of manifests.entries()) {
  const module = GROUPS[manifest.apiVersion];
  if (!module) {
    problems.push({ index, kind: manifest.kind, error: `no schema for apiVersion ${manifest.apiVersion}` });
    continue;
  }
  try {
    const models = await import(`${module}/${manifest.kind}`);
    new models[manifest.kind](manifest).validate();
  } catch (e) {
    problems.push({ index, kind: manifest.kind, error: String(e && e.message ? e.message : e) });
  }
}
process.stdout.write(JSON.stringify(problems));
