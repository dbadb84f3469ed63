import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import type { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Construct } from 'constructs';
import { invalidProp, missingProp } from '../../errors';
import { azureUsableAddresses, contains, Ipv4Block, overlaps, parseCidr } from './cidr';
import { optionalResources } from '../../optional-resources';
import { libraryScope } from '../../scope';
import { requireProps, requireStrings } from '../../validation';

/** The subnets a hardened AKS platform is placed in. */
export interface IAksNetwork {
  /** Subnet of the system pool's nodes and pods. */
  readonly systemSubnetId: string;
  /** Subnet of the user pools' nodes and pods. */
  readonly userSubnetId: string;
  /** Dedicated subnet of the Application Gateway. */
  readonly applicationGatewaySubnetId: string;
  /** Subnet of private endpoints (Key Vault, registry). */
  readonly privateEndpointSubnetId: string;
  /**
   * Delegated subnet for API server VNet integration (needed for KMS with a private key vault).
   * @default - no API server subnet
   */
  readonly apiServerSubnetId?: string;
}

/** Default CIDR of the API server subnet: the /28 after the default private endpoint subnet. */
const DEFAULT_API_SERVER_SUBNET_CIDR = '10.240.9.32/28';

/** Props of {@link AksNetwork}. */
export interface AksNetworkProps {
  /** Name prefix of the network resources, e.g. `platform-prod`. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /**
   * VNet address space.
   * @default '10.240.0.0/16'
   */
  readonly addressSpace?: string;
  /**
   * System node subnet (Azure CNI flat: nodes and pods take addresses here).
   * @default '10.240.0.0/22'
   */
  readonly systemSubnetCidr?: string;
  /**
   * User node subnet.
   * @default '10.240.4.0/22'
   */
  readonly userSubnetCidr?: string;
  /**
   * Application Gateway subnet (at least /26; /24 recommended for v2 autoscaling).
   * @default '10.240.8.0/24'
   */
  readonly applicationGatewaySubnetCidr?: string;
  /**
   * Private endpoint subnet.
   * @default '10.240.9.0/27'
   */
  readonly privateEndpointSubnetCidr?: string;
  /**
   * Create the subnet for API server VNet integration (`apiServerSubnetId`), delegated to AKS. KMS etcd
   * encryption with a private key vault needs it (HardenedAksCluster `apiServerSubnetId`). Setting false
   * leaves it out; `apiServerSubnetCidr` is then not allowed.
   * @default true (CIS AKS 1.8 5.3.1: KMS with a private key vault)
   */
  readonly apiServerSubnetEnabled?: boolean;
  /**
   * Subnet for API server VNet integration, delegated to AKS (at least /28, inside `addressSpace`).
   * @default '10.240.9.32/28'
   */
  readonly apiServerSubnetCidr?: string;
  /**
   * Max pods per node used to check the node subnets are large enough.
   * @default 50
   */
  readonly maxPodsPerNode?: number;
  /**
   * Max nodes of the system pool (surge included), used to size-check its subnet.
   * @default 8
   */
  readonly systemMaxNodes?: number;
  /**
   * Max nodes of all user pools (surge included), used to size-check their subnet.
   * @default 8
   */
  readonly userMaxNodes?: number;
  /**
   * Sources allowed to reach the Application Gateway on 80/443 (CIDRs or service tags).
   * @default ['Internet']
   */
  readonly applicationGatewayAllowedSources?: string[];
  /**
   * Next-hop firewall IP: a route table sends node egress (0.0.0.0/0) to it (user-defined routing).
   * @default - no route table; egress through the cluster load balancer
   */
  readonly egressFirewallIp?: string;
}

/**
 * VNet and subnets for a hardened AKS platform: node subnets sized for Azure CNI flat, an Application
 * Gateway subnet, a private endpoint subnet, an API server subnet delegated to AKS (for KMS with a private
 * key vault), an NSG on each subnet and optional user-defined routing to a firewall. Private DNS zones
 * for private endpoints on demand.
 */
export class AksNetwork extends Construct implements IAksNetwork {
  /** Bring-your-own subnets: the same interface for subnets created elsewhere. */
  public static fromSubnetIds(subnets: IAksNetwork): IAksNetwork {
    requireProps('AksNetwork.fromSubnetIds', subnets, 'pass the ids of your subnets: systemSubnetId, userSubnetId, applicationGatewaySubnetId, privateEndpointSubnetId', 'subnets');
    for (const key of ['systemSubnetId', 'userSubnetId', 'applicationGatewaySubnetId', 'privateEndpointSubnetId'] as const) {
      if (typeof subnets?.[key] !== 'string' || !subnets[key].trim()) {
        throw missingProp('AksNetwork.fromSubnetIds', key, `give the ${key} of your own subnet`);
      }
    }
    return { ...subnets };
  }

  /** The virtual network. */
  public readonly virtualNetwork: VirtualNetwork;
  public readonly systemSubnetId: string;
  public readonly userSubnetId: string;
  public readonly applicationGatewaySubnetId: string;
  public readonly privateEndpointSubnetId: string;
  /** The API server subnet, unless `apiServerSubnetEnabled` is false. */
  public readonly apiServerSubnetId?: string;
  private readonly props: AksNetworkProps;
  private readonly zones = new Map<string, PrivateDnsZone>();

  constructor(scope: Construct, id: string, props: AksNetworkProps) {
    super(libraryScope(scope, id, 'AksNetwork'), id);
    const construct = `AksNetwork ${this.node.path}`;
    requireStrings(construct, props, ['name', 'resourceGroupName', 'location']);
    this.props = props;
    const plan = planSubnets(construct, props);
    this.virtualNetwork = new VirtualNetwork(this, 'vnet', {
      name: `vnet-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      addressSpace: [plan.addressSpace],
    });
    const routeTable = props.egressFirewallIp ? this.egressRouteTable(props.egressFirewallIp) : undefined;
    this.systemSubnetId = this.subnet('system', plan.system, { routeTable }).id;
    this.userSubnetId = this.subnet('user', plan.user, { routeTable }).id;
    this.applicationGatewaySubnetId = this.subnet('appgw', plan.applicationGateway, { nsgRules: appGatewayRules(props) }).id;
    this.privateEndpointSubnetId = this.subnet('private-endpoints', plan.privateEndpoints, { privateEndpoints: true }).id;
    if (plan.apiServer) {
      this.apiServerSubnetId = this.subnet('api-server', plan.apiServer, { delegateToAks: true }).id;
    }
  }

  /** Resource id of the VNet. */
  public get virtualNetworkId(): string {
    return this.virtualNetwork.id;
  }

  /**
   * A private DNS zone linked to the VNet (created once per zone name), e.g. `privatelink.vaultcore.azure.net`;
   * returns its id for private endpoints' DNS zone groups.
   */
  public privateDnsZone(zoneName: string): string {
    let zone = this.zones.get(zoneName);
    if (!zone) {
      const id = `dns-${zoneName.replace(/[^a-z0-9]+/gi, '-')}`;
      zone = new PrivateDnsZone(this, id, { name: zoneName, resourceGroupName: this.props.resourceGroupName });
      new PrivateDnsZoneVirtualNetworkLink(this, `${id}-link`, {
        name: `link-${this.props.name}`,
        resourceGroupName: this.props.resourceGroupName,
        privateDnsZoneName: zone.name,
        virtualNetworkId: this.virtualNetwork.id,
        registrationEnabled: false,
      });
      this.zones.set(zoneName, zone);
    }
    return zone.id;
  }

  private subnet(
    role: string,
    cidr: string,
    options: { routeTable?: RouteTable; nsgRules?: NsgRule[]; privateEndpoints?: boolean; delegateToAks?: boolean },
  ): Subnet {
    const subnet = new Subnet(this, `snet-${role}`, {
      name: `snet-${role}`,
      resourceGroupName: this.props.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [cidr],
      // No implicit outbound internet: egress goes through the load balancer, NAT or firewall only.
      defaultOutboundAccessEnabled: false,
      privateEndpointNetworkPolicies: options.privateEndpoints ? 'Enabled' : undefined,
      delegation: options.delegateToAks
        ? [
            {
              name: 'aks-api-server',
              serviceDelegation: { name: 'Microsoft.ContainerService/managedClusters', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] },
            },
          ]
        : undefined,
    });
    const nsg = new NetworkSecurityGroup(this, `nsg-${role}`, {
      name: `nsg-${this.props.name}-${role}`,
      resourceGroupName: this.props.resourceGroupName,
      location: this.props.location,
    });
    for (const rule of options.nsgRules ?? []) {
      new NetworkSecurityRule(this, `nsg-${role}-${rule.name}`, {
        name: rule.name,
        resourceGroupName: this.props.resourceGroupName,
        networkSecurityGroupName: nsg.name,
        priority: rule.priority,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        sourcePortRange: '*',
        sourceAddressPrefixes: rule.sources.length > 1 ? rule.sources : undefined,
        sourceAddressPrefix: rule.sources.length === 1 ? rule.sources[0] : undefined,
        destinationPortRanges: rule.ports,
        destinationAddressPrefix: '*',
      });
    }
    new SubnetNetworkSecurityGroupAssociation(this, `nsg-${role}-association`, { subnetId: subnet.id, networkSecurityGroupId: nsg.id });
    if (options.routeTable) {
      const SubnetRouteTableAssociation = optionalResources.subnetRouteTableAssociation();
      new SubnetRouteTableAssociation(this, `rt-${role}-association`, { subnetId: subnet.id, routeTableId: options.routeTable.id });
    }
    return subnet;
  }

  private egressRouteTable(firewallIp: string): RouteTable {
    const ip = parseCidr(`${firewallIp}/32`);
    if (!ip) {
      throw invalidProp(`AksNetwork ${this.node.path}`, 'egressFirewallIp', firewallIp, 'an IPv4 address', 'give the private IP of the firewall');
    }
    const RouteTableClass = optionalResources.routeTable();
    return new RouteTableClass(this, 'egress-routes', {
      name: `rt-${this.props.name}-egress`,
      resourceGroupName: this.props.resourceGroupName,
      location: this.props.location,
      bgpRoutePropagationEnabled: false,
      route: [{ name: 'default-to-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopInIpAddress: firewallIp }],
    });
  }
}

interface NsgRule {
  readonly name: string;
  readonly priority: number;
  readonly sources: string[];
  readonly ports: string[];
}

/** Application Gateway v2 needs GatewayManager on 65200-65535 and the Azure load balancer probes. */
function appGatewayRules(props: AksNetworkProps): NsgRule[] {
  return [
    { name: 'allow-gateway-manager', priority: 100, sources: ['GatewayManager'], ports: ['65200-65535'] },
    { name: 'allow-azure-load-balancer', priority: 110, sources: ['AzureLoadBalancer'], ports: ['*'] },
    { name: 'allow-https', priority: 120, sources: props.applicationGatewayAllowedSources ?? ['Internet'], ports: ['443', '80'] },
  ];
}

function apiServerSubnetCidr(construct: string, props: AksNetworkProps): string | undefined {
  if (props.apiServerSubnetEnabled ?? true) {
    return props.apiServerSubnetCidr ?? DEFAULT_API_SERVER_SUBNET_CIDR;
  }
  if (props.apiServerSubnetCidr !== undefined) {
    throw invalidProp(
      construct,
      'apiServerSubnetCidr',
      props.apiServerSubnetCidr,
      'no CIDR when apiServerSubnetEnabled is false',
      'remove apiServerSubnetCidr, or apiServerSubnetEnabled: false',
    );
  }
  return undefined;
}

interface SubnetPlan {
  readonly addressSpace: string;
  readonly system: string;
  readonly user: string;
  readonly applicationGateway: string;
  readonly privateEndpoints: string;
  readonly apiServer?: string;
}

function planSubnets(construct: string, props: AksNetworkProps): SubnetPlan {
  const plan: SubnetPlan = {
    addressSpace: props.addressSpace ?? '10.240.0.0/16',
    system: props.systemSubnetCidr ?? '10.240.0.0/22',
    user: props.userSubnetCidr ?? '10.240.4.0/22',
    applicationGateway: props.applicationGatewaySubnetCidr ?? '10.240.8.0/24',
    privateEndpoints: props.privateEndpointSubnetCidr ?? '10.240.9.0/27',
    apiServer: apiServerSubnetCidr(construct, props),
  };
  const parse = (prop: string, cidr: string): Ipv4Block => {
    const block = parseCidr(cidr);
    if (!block) {
      throw invalidProp(construct, prop, cidr, 'an IPv4 CIDR with the host bits zero, e.g. "10.240.0.0/22"', 'fix the CIDR');
    }
    return block;
  };
  const space = parse('addressSpace', plan.addressSpace);
  const subnets: Array<[string, Ipv4Block]> = [
    ['systemSubnetCidr', parse('systemSubnetCidr', plan.system)],
    ['userSubnetCidr', parse('userSubnetCidr', plan.user)],
    ['applicationGatewaySubnetCidr', parse('applicationGatewaySubnetCidr', plan.applicationGateway)],
    ['privateEndpointSubnetCidr', parse('privateEndpointSubnetCidr', plan.privateEndpoints)],
  ];
  if (plan.apiServer) {
    subnets.push(['apiServerSubnetCidr', parse('apiServerSubnetCidr', plan.apiServer)]);
  }
  for (const [prop, block] of subnets) {
    if (!contains(space, block)) {
      // A default CIDR fits the default address space only: say so, the user never typed it.
      const given = (props as unknown as Record<string, unknown>)[prop] !== undefined;
      const fix = given ? 'pick a subnet inside the VNet address space' : `set ${prop} inside the address space (${block.cidr} is its default, made for the default addressSpace 10.240.0.0/16)`;
      throw invalidProp(construct, prop, block.cidr, `a block inside addressSpace ${space.cidr}`, fix);
    }
  }
  for (let i = 0; i < subnets.length; i++) {
    for (let j = i + 1; j < subnets.length; j++) {
      if (overlaps(subnets[i][1], subnets[j][1])) {
        throw invalidProp(construct, subnets[j][0], subnets[j][1].cidr, `a block not overlapping ${subnets[i][0]} ${subnets[i][1].cidr}`, 'move one of the subnets');
      }
    }
  }
  const appGw = subnets[2][1];
  if (appGw.prefix > 26) {
    throw invalidProp(construct, 'applicationGatewaySubnetCidr', appGw.cidr, 'a /26 or larger block (Application Gateway v2)', 'use a /24');
  }
  if (plan.apiServer && subnets[4][1].prefix > 28) {
    throw invalidProp(construct, 'apiServerSubnetCidr', plan.apiServer, 'a /28 or larger block', 'use a /28');
  }
  const maxPods = props.maxPodsPerNode ?? 50;
  checkCapacity(construct, 'systemSubnetCidr', subnets[0][1], props.systemMaxNodes ?? 8, maxPods);
  checkCapacity(construct, 'userSubnetCidr', subnets[1][1], props.userMaxNodes ?? 8, maxPods);
  return plan;
}

/** Azure CNI flat: each node takes one address plus one per pod it can run. */
function checkCapacity(construct: string, prop: string, block: Ipv4Block, maxNodes: number, maxPods: number): void {
  const needed = maxNodes * (maxPods + 1);
  const usable = azureUsableAddresses(block);
  if (needed > usable) {
    throw invalidProp(
      construct,
      prop,
      block.cidr,
      `a block with at least ${needed} usable addresses (${maxNodes} nodes x (${maxPods} pods + 1)); ${block.cidr} has ${usable}`,
      'use a larger subnet, fewer nodes or a lower maxPodsPerNode',
    );
  }
}
