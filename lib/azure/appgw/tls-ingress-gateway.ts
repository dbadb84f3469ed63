import { ApplicationGateway, ApplicationGatewayFrontendIpConfiguration } from '@cdktf/provider-azurerm/lib/application-gateway';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { WebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { requireStrings } from '../../required-props';
import { invalidProp, missingProp } from '../../errors';
import { isPrivate, parseCidr } from '../network/cidr';
import { addDiagnostics } from '../private-endpoint';
import { TlsPolicy } from './tls-policy';

/** How the gateway's routing is managed. */
export enum GatewayMode {
  /** The AKS Application Gateway Ingress Controller programs listeners and pools from Ingress objects. */
  AGIC = 'agic',
  /** This construct routes to fixed private backends. */
  STANDALONE = 'standalone',
}

/** WAF policy mode. */
export enum WafMode {
  /** Block matching requests. */
  PREVENTION = 'Prevention',
  /** Only log matching requests: fails the `waf-policy-prevention` rule unless waived. */
  DETECTION = 'Detection',
}

/** Props of {@link TlsIngressGateway}. */
export interface TlsIngressGatewayProps {
  /** Name prefix of the gateway resources. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** The gateway's dedicated subnet (e.g. `network.applicationGatewaySubnetId`). */
  readonly subnetId: string;
  /**
   * Key Vault secret id of the TLS certificate: `https://<vault>.vault.azure.net/secrets/<name>[/<version>]`
   * (versionless follows renewals).
   */
  readonly certificateSecretId: string;
  /**
   * Vault of the certificate: the gateway's identity is granted Key Vault Secrets User on it.
   * @default - no grant (grant the identity yourself)
   */
  readonly keyVaultId?: string;
  /**
   * Who programs routing.
   * @default GatewayMode.STANDALONE
   */
  readonly mode?: GatewayMode;
  /**
   * Private backend addresses (RFC 1918 IPs or FQDNs) of the standalone mode.
   * @default - required in STANDALONE mode
   */
  readonly backendAddresses?: string[];
  /**
   * Backend port.
   * @default 443 with backend TLS, else 80
   */
  readonly backendPort?: number;
  /**
   * Re-encrypt traffic to the backends (HTTPS backend settings).
   * @default false (TLS ends at the gateway; traffic beyond stays on private IPs)
   */
  readonly backendTls?: boolean;
  /**
   * Host name of the HTTPS listener (SNI required when given).
   * @default - a basic listener for any host
   */
  readonly hostName?: string;
  /**
   * TLS policy of the listeners.
   * @default TlsPolicy.PREDEFINED_2022_STRICT
   */
  readonly tlsPolicy?: TlsPolicy;
  /**
   * WAF mode.
   * @default WafMode.PREVENTION
   */
  readonly wafMode?: WafMode;
  /**
   * Static private frontend IP in the gateway subnet, for internal clients.
   * @default - public frontend only
   */
  readonly privateFrontendIp?: string;
  /**
   * Autoscale lower bound (instances).
   * @default 2
   */
  readonly minCapacity?: number;
  /**
   * Autoscale upper bound.
   * @default 10
   */
  readonly maxCapacity?: number;
  /**
   * Availability zones.
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
  /**
   * Workspace for access, performance and firewall logs.
   * @default - no diagnostic setting
   */
  readonly logAnalyticsWorkspaceId?: string;
}

const SECRET_URI = /^https:\/\/[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]\.vault\.azure\.net\/secrets\/[a-zA-Z0-9-]{1,127}(\/[0-9a-f]{32})?$/;
const FQDN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

/**
 * Application Gateway WAF_v2 terminating TLS with a Key Vault certificate: strict TLS policy, HTTP only as a
 * redirect to HTTPS, a WAF policy in Prevention mode with OWASP 3.2 and bot protection, private backends,
 * zones and diagnostics. Either programmed by AGIC or routing to fixed private backends.
 */
export class TlsIngressGateway extends Construct {
  /** The gateway. */
  public readonly gateway: ApplicationGateway;
  /** The WAF policy attached to the gateway. */
  public readonly wafPolicy: WebApplicationFirewallPolicy;
  /** Identity the gateway reads its certificate with. */
  public readonly identity: UserAssignedIdentity;
  private readonly props: TlsIngressGatewayProps;

  constructor(scope: Construct, id: string, props: TlsIngressGatewayProps) {
    super(scope, id);
    const construct = `TlsIngressGateway ${this.node.path}`;
    validate(construct, props);
    this.props = props;
    const mode = props.mode ?? GatewayMode.STANDALONE;
    const backendTls = props.backendTls ?? false;
    const tls = props.tlsPolicy ?? TlsPolicy.PREDEFINED_2022_STRICT;
    const zones = props.zones ?? ['1', '2', '3'];

    this.identity = new UserAssignedIdentity(this, 'identity', { name: `id-agw-${props.name}`, resourceGroupName: props.resourceGroupName, location: props.location });
    const grant = props.keyVaultId
      ? new RoleAssignment(this, 'certificate-reader', {
          scope: props.keyVaultId,
          roleDefinitionName: 'Key Vault Secrets User',
          principalId: this.identity.principalId,
          principalType: 'ServicePrincipal',
        })
      : undefined;
    const publicIp = new PublicIp(this, 'public-ip', {
      name: `pip-agw-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones,
    });
    this.wafPolicy = new WebApplicationFirewallPolicy(this, 'waf-policy', {
      name: `waf-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      policySettings: { enabled: true, mode: props.wafMode ?? WafMode.PREVENTION, requestBodyCheck: true, maxRequestBodySizeInKb: 128, fileUploadLimitInMb: 100 },
      managedRules: {
        managedRuleSet: [
          { type: 'OWASP', version: '3.2' },
          { type: 'Microsoft_BotManagerRuleSet', version: '1.0' },
        ],
      },
    });

    const frontends: ApplicationGatewayFrontendIpConfiguration[] = [{ name: 'public', publicIpAddressId: publicIp.id }];
    if (props.privateFrontendIp) {
      frontends.push({ name: 'private', privateIpAddress: props.privateFrontendIp, privateIpAddressAllocation: 'Static', subnetId: props.subnetId });
    }
    const frontendName = props.privateFrontendIp ? 'private' : 'public';
    this.gateway = new ApplicationGateway(this, 'gateway', {
      name: `agw-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      zones,
      sku: { name: 'WAF_v2', tier: 'WAF_v2' },
      autoscaleConfiguration: { minCapacity: props.minCapacity ?? 2, maxCapacity: props.maxCapacity ?? 10 },
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      firewallPolicyId: this.wafPolicy.id,
      forceFirewallPolicyAssociation: true,
      enableHttp2: true,
      sslPolicy: { policyType: tls.policyType, policyName: tls.policyName, minProtocolVersion: tls.minProtocolVersion, cipherSuites: tls.cipherSuites.length ? tls.cipherSuites : undefined },
      gatewayIpConfiguration: [{ name: 'gateway', subnetId: props.subnetId }],
      frontendIpConfiguration: frontends,
      frontendPort: [
        { name: 'https', port: 443 },
        { name: 'http', port: 80 },
      ],
      sslCertificate: [{ name: 'tls', keyVaultSecretId: props.certificateSecretId }],
      httpListener: [
        {
          name: 'https',
          frontendIpConfigurationName: frontendName,
          frontendPortName: 'https',
          protocol: 'Https',
          sslCertificateName: 'tls',
          hostName: props.hostName,
          requireSni: props.hostName ? true : undefined,
        },
        { name: 'http', frontendIpConfigurationName: frontendName, frontendPortName: 'http', protocol: 'Http', hostName: props.hostName },
      ],
      redirectConfiguration: [{ name: 'http-to-https', redirectType: 'Permanent', targetListenerName: 'https', includePath: true, includeQueryString: true }],
      backendAddressPool: [backendPool(props)],
      backendHttpSettings: [
        {
          name: 'backend',
          protocol: backendTls ? 'Https' : 'Http',
          port: props.backendPort ?? (backendTls ? 443 : 80),
          cookieBasedAffinity: 'Disabled',
          requestTimeout: 30,
          pickHostNameFromBackendAddress: backendTls ? true : undefined,
        },
      ],
      requestRoutingRule: [
        { name: 'https', ruleType: 'Basic', httpListenerName: 'https', backendAddressPoolName: 'backend', backendHttpSettingsName: 'backend', priority: 100 },
        { name: 'http-to-https', ruleType: 'Basic', httpListenerName: 'http', redirectConfigurationName: 'http-to-https', priority: 200 },
      ],
      dependsOn: grant ? [grant] : undefined,
      lifecycle:
        mode === GatewayMode.AGIC
          ? {
              // AGIC owns routing: Terraform keeps the gateway, TLS policy and WAF, not the routes AGIC writes.
              ignoreChanges: [
                'backend_address_pool',
                'backend_http_settings',
                'frontend_port',
                'http_listener',
                'probe',
                'redirect_configuration',
                'request_routing_rule',
                'ssl_certificate',
                'url_path_map',
                'tags',
              ],
            }
          : undefined,
    });
    if (props.logAnalyticsWorkspaceId) {
      addDiagnostics(this, 'diagnostics', this.gateway.id, props.logAnalyticsWorkspaceId, [
        'ApplicationGatewayAccessLog',
        'ApplicationGatewayPerformanceLog',
        'ApplicationGatewayFirewallLog',
      ]);
    }
  }

  /** Resource id of the gateway (HardenedAksCluster `applicationGatewayId` for AGIC). */
  public get gatewayId(): string {
    return this.gateway.id;
  }

  /**
   * The role assignments the AGIC add-on identity needs: Contributor on the gateway, Reader on its
   * resource group, Network Contributor on the gateway subnet.
   */
  public grantAgic(agicIdentityObjectId: string, resourceGroupId: string): RoleAssignment[] {
    const grant = (id: string, scope: string, role: string) =>
      new RoleAssignment(this, id, { scope, roleDefinitionName: role, principalId: agicIdentityObjectId, principalType: 'ServicePrincipal' });
    return [
      grant('agic-gateway-contributor', this.gateway.id, 'Contributor'),
      grant('agic-resource-group-reader', resourceGroupId, 'Reader'),
      grant('agic-subnet-network-contributor', this.props.subnetId, 'Network Contributor'),
    ];
  }
}

function backendPool(props: TlsIngressGatewayProps) {
  const addresses = props.backendAddresses ?? [];
  const ips = addresses.filter((a) => parseCidr(`${a}/32`));
  const fqdns = addresses.filter((a) => !parseCidr(`${a}/32`));
  return { name: 'backend', ipAddresses: ips.length ? ips : undefined, fqdns: fqdns.length ? fqdns : undefined };
}

function validate(construct: string, props: TlsIngressGatewayProps): void {
  requireStrings(construct, props, ['name', 'resourceGroupName', 'location', 'subnetId', 'certificateSecretId']);
  if (!Token.isUnresolved(props.certificateSecretId) && !SECRET_URI.test(props.certificateSecretId)) {
    throw invalidProp(
      construct,
      'certificateSecretId',
      props.certificateSecretId,
      'a Key Vault secret URI: https://<vault>.vault.azure.net/secrets/<name>[/<version>]',
      "use the certificate's secret id (versionless to follow renewals), not its certificate or key id",
    );
  }
  const mode = props.mode ?? GatewayMode.STANDALONE;
  if (!Object.values(GatewayMode).includes(mode)) {
    throw invalidProp(construct, 'mode', mode, Object.values(GatewayMode).join(', '), 'use a GatewayMode member');
  }
  if (props.wafMode !== undefined && !Object.values(WafMode).includes(props.wafMode)) {
    throw invalidProp(construct, 'wafMode', props.wafMode, Object.values(WafMode).join(', '), 'use WafMode.PREVENTION');
  }
  const addresses = props.backendAddresses ?? [];
  if (mode === GatewayMode.STANDALONE && addresses.length === 0) {
    throw missingProp(construct, 'backendAddresses', 'list the private IPs or FQDNs of the backends, or use GatewayMode.AGIC');
  }
  for (const address of addresses.filter((a) => !Token.isUnresolved(a))) {
    const ip = parseCidr(`${address}/32`);
    if (ip ? !isPrivate(ip) : !FQDN.test(address)) {
      throw invalidProp(construct, 'backendAddresses', address, 'private (RFC 1918) IPv4 addresses or FQDNs', 'point the gateway at internal load balancers or private endpoints only');
    }
  }
  if (props.privateFrontendIp && !parseCidr(`${props.privateFrontendIp}/32`)) {
    throw invalidProp(construct, 'privateFrontendIp', props.privateFrontendIp, 'an IPv4 address in the gateway subnet', 'give a free address of the subnet');
  }
  const min = props.minCapacity ?? 2;
  const max = props.maxCapacity ?? 10;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 2 || max > 125 || min > max) {
    throw invalidProp(construct, 'minCapacity/maxCapacity', [min, max], '0 <= minCapacity <= maxCapacity, maxCapacity 2-125', 'use 2 and 10');
  }
}
