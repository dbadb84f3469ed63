// Internal: renders and validates MeshAllowRule as an Istio AuthorizationPolicy.
import { invalidProp, missingProp } from '../../../errors';
import { MeshAllowRule } from './mesh-authorization';
import { validateDnsLabel } from '../../../validation';

/** The AuthorizationPolicy manifest for an allow rule (validated). */
export function renderAllowRule(rule: MeshAllowRule, trustDomain: string): any {
  const construct = 'MeshAllowRule';
  validateDnsLabel(construct, 'name', rule.name);
  validateDnsLabel(construct, 'namespace', rule.namespace);
  if (!rule.from || rule.from.length === 0) {
    throw missingProp(construct, `from (rule ${rule.name})`, 'name the calling service accounts, e.g. [{ namespace: "web", serviceAccount: "frontend" }]');
  }
  rule.from.forEach((p) => {
    validateDnsLabel(construct, 'from[].namespace', p.namespace);
    validateDnsLabel(construct, 'from[].serviceAccount', p.serviceAccount);
  });
  (rule.ports ?? []).forEach((port) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw invalidProp(construct, 'ports', port, 'ports 1-65535', 'give whole port numbers');
    }
  });
  const to: any = {};
  if (rule.ports?.length) {
    to.ports = rule.ports.map(String);
  }
  if (rule.methods?.length) {
    to.methods = [...rule.methods];
  }
  if (rule.paths?.length) {
    to.paths = [...rule.paths];
  }
  const spec: any = {
    action: 'ALLOW',
    rules: [
      {
        from: [{ source: { principals: rule.from.map((p) => `${trustDomain}/ns/${p.namespace}/sa/${p.serviceAccount}`).sort() } }],
        ...(Object.keys(to).length ? { to: [{ operation: to }] } : {}),
      },
    ],
  };
  if (rule.workloadLabels?.length) {
    spec.selector = { matchLabels: Object.fromEntries(rule.workloadLabels.map((l) => [l.key, l.value]).sort()) };
  }
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: rule.name, namespace: rule.namespace },
    spec,
  };
}
