import { Ipv4Block, overlaps, parseCidr } from '../../../azure/network/cidr';
import { check, defineRule, literalList, notApplicable, references } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource, IRuleContext, RuleSeverity } from '../../types';

/** The subnets of the stack a cluster's pools and API server use (references to azurerm_subnet resources). */
function clusterSubnets(cluster: IResolvedResource, context: IRuleContext): IResolvedResource[] {
  const pools = context.resourcesOfType('azurerm_kubernetes_cluster_node_pool').filter((p) => references(p.config.kubernetes_cluster_id, cluster));
  const ids = [
    cluster.config.default_node_pool?.vnet_subnet_id,
    cluster.config.default_node_pool?.pod_subnet_id,
    cluster.config.api_server_access_profile?.subnet_id,
    ...pools.flatMap((p) => [p.config.vnet_subnet_id, p.config.pod_subnet_id]),
  ].flat();
  return context.resourcesOfType('azurerm_subnet').filter((s) => ids.some((id) => references(id, s)));
}

function blocks(resource: IResolvedResource, path: string): Ipv4Block[] {
  return literalList(resource, path)
    .map((cidr) => parseCidr(String(cidr)))
    .filter((b): b is Ipv4Block => b !== undefined);
}

/**
 * The cluster's service CIDR overlaps neither the VNet of its subnets nor any of those subnets: AKS refuses
 * the cluster at apply (ServiceCidrOverlapExistingSubnetsCidr), and a service address that is also a VNet
 * address would shadow it. Judged on the subnets and VNets of the same stack.
 */
export const aksServiceCidrOutsideVnet = defineRule(
  {
    id: 'aks-service-cidr-outside-vnet',
    title: "The cluster's service CIDR overlaps neither its VNet nor its subnets",
    severity: RuleSeverity.ERROR,
    remediation: 'Set HardenedAksCluster serviceCidr (and dnsServiceIp inside it) to a block outside the VNet address space, e.g. 172.16.0.0/16 beside a 10.x VNet.',
    remediationTargets: ['HardenedAksClusterProps.serviceCidr', 'HardenedAksClusterProps.dnsServiceIp'],
    cisControls: [],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: service CIDR 172.16.0.0/16, outside the default AksNetwork address space 10.240.0.0/16',
  },
  (cluster, context) => {
    const cidr = cluster.get('network_profile.service_cidr');
    if (cidr === undefined || cidr === null) {
      return notApplicable('no service_cidr (AKS picks one)');
    }
    const service = parseCidr(String(cidr));
    if (!service) {
      return notApplicable(`service_cidr ${JSON.stringify(cidr)} is not an IPv4 CIDR`);
    }
    const subnets = clusterSubnets(cluster, context);
    if (subnets.length === 0) {
      return notApplicable('the cluster uses no subnet of this stack (the VNet is judged where it is defined)');
    }
    const vnets = context.resourcesOfType('azurerm_virtual_network').filter((v) => subnets.some((s) => references(s.config.virtual_network_name, v)));
    const taken: Array<{ what: string; block: Ipv4Block }> = [
      ...vnets.flatMap((v) => blocks(v, 'address_space').map((block) => ({ what: `VNet ${v.address}`, block }))),
      ...subnets.flatMap((s) => {
        if (isTerraformExpression(s.config.address_prefixes)) {
          throw new UnresolvedValueError(`${s.address}.address_prefixes`, s.config.address_prefixes);
        }
        return blocks(s, 'address_prefixes').map((block) => ({ what: `subnet ${s.address}`, block }));
      }),
    ];
    const clashes = taken.filter((t) => overlaps(t.block, service)).map((t) => `${t.what} (${t.block.cidr})`);
    return check(clashes.length === 0, `service_cidr ${service.cidr} overlaps ${clashes.join(', ')}`);
  },
);
