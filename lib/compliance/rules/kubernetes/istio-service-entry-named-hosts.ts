import { compliant, defineRule, nonCompliant, notApplicable } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { RuleSeverity } from '../../types';

/** Why the addresses of a pass-through ServiceEntry open more than single hosts, or undefined. */
function openAddresses(addresses: unknown): string | undefined {
  if (!Array.isArray(addresses) || addresses.length === 0) {
    return 'resolution NONE without addresses passes traffic to any address on its ports';
  }
  // A bare address or a /32 is one host; any shorter prefix is a range.
  const ranges = addresses.filter((a) => typeof a === 'string' && a.includes('/') && !a.endsWith('/32'));
  return ranges.length ? `resolution NONE passes traffic to every address of ${ranges.join(', ')}` : undefined;
}

/**
 * External ServiceEntries name the hosts they admit: no wildcard, and no pass-through (resolution NONE) to any
 * address or to a range, through which every host behind it is reachable under REGISTRY_ONLY.
 */
export const istioServiceEntryNamedHosts = defineRule(
  {
    id: 'istio-service-entry-named-hosts',
    title: 'Istio ServiceEntries admit named external hosts only: no wildcard host, no pass-through to any address or an address range',
    severity: RuleSeverity.ERROR,
    remediation:
      'Allow each external host by name with IstioAddon.allowEgress (MeshEgressRule host, resolved by DNS); keep MeshEgressRule allowWildcardHost and allowIpRange off, ' +
      'or waive this rule for the rule that needs them with the reason.',
    remediationTargets: ['IstioAddon.allowEgress', 'MeshEgressRule.host', 'MeshEgressRule.allowWildcardHost', 'MeshEgressRule.allowIpRange'],
    cisControls: [],
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'IstioAddon egress rules: ServiceEntry per named host, resolution DNS, exported to the allowed namespaces only',
  },
  (r) => {
    const apiVersion = r.get('manifest.apiVersion');
    if (r.get('manifest.kind') !== 'ServiceEntry' || typeof apiVersion !== 'string' || !apiVersion.startsWith('networking.istio.io/')) {
      return notApplicable('not an Istio ServiceEntry');
    }
    if ((r.get('manifest.spec.location') ?? 'MESH_EXTERNAL') !== 'MESH_EXTERNAL') {
      return notApplicable('a mesh-internal ServiceEntry');
    }
    const hosts = r.config?.manifest?.spec?.hosts;
    if (isTerraformExpression(hosts)) {
      throw new UnresolvedValueError('manifest.spec.hosts', hosts);
    }
    const wildcards = (Array.isArray(hosts) ? hosts : []).filter((h) => {
      if (isTerraformExpression(h)) {
        throw new UnresolvedValueError('manifest.spec.hosts', h);
      }
      return typeof h === 'string' && h.includes('*');
    });
    if (wildcards.length) {
      return nonCompliant(`wildcard hosts ${wildcards.join(', ')} admit every host of their domain`);
    }
    const resolution = r.get('manifest.spec.resolution') ?? 'NONE';
    const addresses = r.get('manifest.spec.addresses');
    if (isTerraformExpression(addresses) || (Array.isArray(addresses) && addresses.some(isTerraformExpression))) {
      throw new UnresolvedValueError('manifest.spec.addresses', String(addresses));
    }
    const open = resolution === 'NONE' ? openAddresses(addresses) : undefined;
    return open ? nonCompliant(open) : compliant(`hosts ${(hosts ?? []).join(', ')}, resolution ${resolution}`);
  },
);
