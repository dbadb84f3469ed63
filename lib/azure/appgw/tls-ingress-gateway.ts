import { ApplicationGateway, ApplicationGatewayFrontendIpConfiguration } from '@cdktf/provider-azurerm/lib/application-gateway';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { WebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
import { Fn, ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp, missingProp } from '../../errors';
import { diagnosticsToWorkspace } from '../internal/diagnostics';
import { assignRole } from '../internal/role-assignment';
import { KeyVaultRole } from '../keyvault/key-vault-role';
import { validateKeyVaultSecretId, validatePrivateBackend, validatePrivateIp } from './addresses';
import { agicRoleAssignments } from './agic-grants';
import { FRONTEND_EXPOSURE_TAG, PRIVATE_EXPOSURE, PUBLIC_EXPOSURE } from './frontend-exposure';
import { GatewayTlsPolicy } from './gateway-tls-policy';
import { RateLimitAction, RateLimitDuration, RateLimitGrouping, RateLimitRule } from './rate-limit-rule';
import { renderRateLimitRules } from './render-rate-limits';
import { BotManagerRuleSetVersion, IngressGatewayMode, WafMode } from './waf-options';
import { libraryScope } from '../../scope';
import { requireProps, requireString, validateIntegerRange } from '../../validation';

/** Props of {@link TlsIngressGateway}. */
export interface TlsIngressGatewayProps {
  /** Gateway name. */
  readonly name: string;
  /** Resource group of the gateway, its identity, public IP and WAF policy. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** Dedicated gateway subnet id (e.g. `AksNetwork.applicationGatewaySubnetId`). */
  readonly subnetId: string;
  /**
   * Key Vault secret id of the TLS certificate the HTTPS listener serves,
   * `https://<vault>.vault.azure.net/secrets/<name>[/<version>]` (versionless follows renewals).
   */
  readonly certificateSecretId: string;
  /** Log Analytics workspace receiving access, performance and firewall logs. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Vault holding the certificate: the gateway's identity gets Key Vault Secrets User on it.
   * @default - no role assignment (grant the identity `identityPrincipalId` read access yourself)
   */
  readonly keyVaultId?: string;
  /**
   * Who manages listeners, rules and backends after creation.
   * @default IngressGatewayMode.AGIC
   */
  readonly mode?: IngressGatewayMode;
  /**
   * Backend addresses in STANDALONE mode: RFC 1918 private IPv4 addresses or FQDNs (no public IPs).
   * @default - none (required in STANDALONE mode, not allowed in AGIC mode)
   */
  readonly backendAddresses?: string[];
  /**
   * Backend port.
   * @default 443 with backend re-encryption, else 80
   */
  readonly backendPort?: number;
  /**
   * Re-encrypt traffic to the backends (HTTPS backend settings).
   * @default false
   */
  readonly backendReencryption?: boolean;
  /**
   * Host name sent to (and verified against the certificate of) HTTPS backends.
   * @default - the backend address's host name
   */
  readonly backendHostName?: string;
  /**
   * Key Vault secret id of the CA certificate that signs the backends' certificates (re-encryption only).
   * @default - the backends' certificates must chain to a well-known CA
   */
  readonly backendTrustedRootCertificateSecretId?: string;
  /**
   * Host names of the HTTPS listener (SNI required when set).
   * @default - a basic listener for any host name
   */
  readonly hostNames?: string[];
  /**
   * TLS policy of the listeners.
   * @default GatewayTlsPolicy.APPGW_SSL_POLICY_20220101_S
   */
  readonly tlsPolicy?: GatewayTlsPolicy;
  /**
   * WAF policy mode. DETECTION only logs: the `appgw-waf-policy-prevention` rule fails synth unless waived.
   * @default WafMode.PREVENTION
   */
  readonly wafMode?: WafMode;
  /**
   * Version of the Microsoft_BotManagerRuleSet added to OWASP 3.2.
   * @default BotManagerRuleSetVersion.V1_0
   */
  readonly botManagerRuleSetVersion?: BotManagerRuleSetVersion;
  /**
   * Rate limits the WAF enforces before requests reach the backends. An empty list turns rate limiting off:
   * the `appgw-waf-policy-rate-limit` rule then fails synth unless waived.
   * @default [TlsIngressGateway.DEFAULT_RATE_LIMIT] (1000 requests per client address per minute, on every path)
   */
  readonly rateLimitRules?: RateLimitRule[];
  /**
   * Largest request body the WAF inspects, in KB (8-2000).
   * @default 128
   */
  readonly maxRequestBodySizeKb?: number;
  /**
   * Largest file upload, in MB (1-4000).
   * @default 100
   */
  readonly fileUploadLimitMb?: number;
  /**
   * Give the gateway a public frontend IP (Standard, static, zone-redundant) for its listeners. The gateway
   * is tagged `hardened-k8s-frontend: public` or `private`; the `appgw-frontend-exposure` rule fails synth
   * when a gateway built private ends up with a public frontend (e.g. through an override).
   * @default true
   */
  readonly publicFrontend?: boolean;
  /**
   * Static private frontend IP in the gateway subnet (listeners use it when `publicFrontend` is false).
   * @default - no private frontend
   */
  readonly privateFrontendIpAddress?: string;
  /**
   * Availability zones.
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
  /**
   * Minimum autoscale instance count (0-125).
   * @default 2
   */
  readonly minCapacity?: number;
  /**
   * Maximum autoscale instance count (2-125).
   * @default 10
   */
  readonly maxCapacity?: number;
  /**
   * HTTP/2 from clients.
   * @default false
   */
  readonly http2Enabled?: boolean;
}

const CONSTRUCT = 'TlsIngressGateway';
const NAMES = {
  gatewayIp: 'gateway-ip',
  publicFrontend: 'frontend-public',
  privateFrontend: 'frontend-private',
  httpsPort: 'port-https',
  httpPort: 'port-http',
  certificate: 'listener-certificate',
  httpsListener: 'https-listener',
  httpListener: 'http-listener',
  redirect: 'http-to-https',
  pool: 'backend',
  settings: 'backend-settings',
  trustedRoot: 'backend-root-ca',
};

/**
 * Blocks AGIC rewrites from Ingress objects. Terraform ignores later changes to them so that a plan does
 * not undo AGIC's configuration; the compliance rules read the configuration Terraform creates.
 */
const AGIC_MANAGED_BLOCKS = [
  'backend_address_pool',
  'backend_http_settings',
  'frontend_port',
  'http_listener',
  'probe',
  'redirect_configuration',
  'request_routing_rule',
  'rewrite_rule_set',
  'ssl_certificate',
  'tags',
  'url_path_map',
];

/**
 * Application Gateway WAF_v2 terminating TLS with a Key Vault certificate: strict TLS policy, HTTP only as a
 * permanent redirect to HTTPS, a WAF policy (Prevention, OWASP 3.2 + bot manager, request body
 * inspection, a per-client rate limit) attached with forced association, private backends only,
 * zone-redundant autoscaling and diagnostics to Log Analytics.
 *
 * In AGIC mode the gateway starts with an HTTPS listener to an empty pool and the redirect; AGIC then
 * programs listeners, rules, backends, probes and certificates from Ingress objects, and Terraform ignores
 * changes to those blocks (`lifecycle.ignore_changes`). Give the gateway to `HardenedAksCluster`
 * (`applicationGateway`), which turns on the add-on and grants its identity; `grantAgic` does the grants for
 * a cluster created elsewhere.
 */
export class TlsIngressGateway extends Construct {
  /**
   * The listener's default rate limit: 1000 requests per client address per minute on every path, blocked
   * beyond (HTTP 403). Generous for people and API clients behind one address, tight for floods and
   * credential stuffing; add stricter limits for login or expensive paths with `rateLimitRules`.
   */
  public static readonly DEFAULT_RATE_LIMIT: RateLimitRule = {
    name: 'perClientAddress',
    threshold: 1000,
    duration: RateLimitDuration.ONE_MINUTE,
    groupBy: RateLimitGrouping.CLIENT_ADDRESS,
    pathPrefixes: ['/'],
    action: RateLimitAction.BLOCK,
  };

  /** The underlying `azurerm_application_gateway`. */
  public readonly gateway: ApplicationGateway;
  /** Resource id of the gateway (HardenedAksCluster `applicationGatewayId`). */
  public readonly gatewayId: string;
  /** The WAF policy. */
  public readonly wafPolicy: WebApplicationFirewallPolicy;
  /** The user-assigned identity the gateway reads Key Vault with. */
  public readonly identity: UserAssignedIdentity;
  /** Principal id of the gateway's identity. */
  public readonly identityPrincipalId: string;
  /** The public frontend IP, when `publicFrontend` is on. */
  public readonly publicIp?: PublicIp;
  /** The diagnostic setting. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;
  /** Listener, rule and backend mode. */
  public readonly mode: IngressGatewayMode;
  /** The dedicated subnet of the gateway. */
  public readonly subnetId: string;
  /** Who created the AGIC role assignments, for messages: one AGIC per gateway. */
  private agicGrantedBy?: string;

  constructor(scope: Construct, id: string, props: TlsIngressGatewayProps) {
    super(libraryScope(scope, id, 'TlsIngressGateway'), id);
    const construct = `${CONSTRUCT} ${this.node.path}`;
    requireProps(construct, props, 'pass TlsIngressGatewayProps');
    requireString(construct, 'name', props?.name, 'name the gateway, e.g. "agw-platform"');
    requireString(construct, 'resourceGroupName', props.resourceGroupName, 'pass the resource group name');
    requireString(construct, 'location', props.location, 'pass the Azure region');
    requireString(construct, 'subnetId', props.subnetId, 'pass the dedicated gateway subnet id, e.g. network.applicationGatewaySubnetId');
    requireString(construct, 'logAnalyticsWorkspaceId', props.logAnalyticsWorkspaceId, 'pass the Log Analytics workspace id');
    if (props.certificateSecretId === undefined || props.certificateSecretId === '') {
      throw missingProp(
        construct,
        'certificateSecretId',
        'pass the Key Vault secret id of the TLS certificate; the gateway has no HTTP-only listener (HTTP only redirects to HTTPS)',
      );
    }
    validateKeyVaultSecretId(construct, 'certificateSecretId', props.certificateSecretId);

    const mode = props.mode ?? IngressGatewayMode.AGIC;
    if (!Object.values(IngressGatewayMode).includes(mode)) {
      throw invalidProp(construct, 'mode', mode, Object.values(IngressGatewayMode).join(', '), 'use an IngressGatewayMode member');
    }
    this.mode = mode;
    this.subnetId = props.subnetId;
    const backends = [...(props.backendAddresses ?? [])];
    if (mode === IngressGatewayMode.AGIC && backends.length > 0) {
      throw invalidProp(construct, 'backendAddresses', backends, 'none in AGIC mode (AGIC programs the backends from Ingress objects)', 'remove backendAddresses, or set mode: IngressGatewayMode.STANDALONE');
    }
    if (mode === IngressGatewayMode.STANDALONE && backends.length === 0) {
      throw missingProp(construct, 'backendAddresses', 'list the private IPs or FQDNs of the backends in STANDALONE mode');
    }
    backends.forEach((b, i) => validatePrivateBackend(construct, `backendAddresses[${i}]`, b));

    const reencrypt = props.backendReencryption ?? false;
    if (!reencrypt && (props.backendHostName !== undefined || props.backendTrustedRootCertificateSecretId !== undefined)) {
      throw invalidProp(
        construct,
        props.backendHostName !== undefined ? 'backendHostName' : 'backendTrustedRootCertificateSecretId',
        props.backendHostName ?? props.backendTrustedRootCertificateSecretId,
        'only with backendReencryption: true',
        'set backendReencryption: true, or remove the prop',
      );
    }
    if (props.backendTrustedRootCertificateSecretId !== undefined) {
      validateKeyVaultSecretId(construct, 'backendTrustedRootCertificateSecretId', props.backendTrustedRootCertificateSecretId);
    }
    const backendPort = props.backendPort ?? (reencrypt ? 443 : 80);
    validateIntegerRange(construct, 'backendPort', backendPort, 1, 65535, 'use the port the backends listen on');

    const tlsPolicy = props.tlsPolicy ?? GatewayTlsPolicy.APPGW_SSL_POLICY_20220101_S;
    if (!(tlsPolicy instanceof GatewayTlsPolicy)) {
      throw invalidProp(construct, 'tlsPolicy', tlsPolicy, 'GatewayTlsPolicy.APPGW_SSL_POLICY_20220101_S or GatewayTlsPolicy.custom(...)', 'build the policy with GatewayTlsPolicy');
    }
    const wafMode = props.wafMode ?? WafMode.PREVENTION;
    if (!Object.values(WafMode).includes(wafMode)) {
      throw invalidProp(construct, 'wafMode', wafMode, Object.values(WafMode).join(', '), 'use WafMode.PREVENTION');
    }
    const botVersion = props.botManagerRuleSetVersion ?? BotManagerRuleSetVersion.V1_0;
    if (!Object.values(BotManagerRuleSetVersion).includes(botVersion)) {
      throw invalidProp(construct, 'botManagerRuleSetVersion', botVersion, Object.values(BotManagerRuleSetVersion).join(', '), 'use a BotManagerRuleSetVersion member');
    }
    const maxBody = props.maxRequestBodySizeKb ?? 128;
    validateIntegerRange(construct, 'maxRequestBodySizeKb', maxBody, 8, 2000, 'WAF_v2 with CRS 3.2 inspects up to 2000 KB');
    const rateLimits = renderRateLimitRules(construct, props.rateLimitRules === undefined ? [TlsIngressGateway.DEFAULT_RATE_LIMIT] : props.rateLimitRules);
    const uploadLimit = props.fileUploadLimitMb ?? 100;
    validateIntegerRange(construct, 'fileUploadLimitMb', uploadLimit, 1, 4000, 'WAF_v2 allows 1 to 4000 MB');

    const publicFrontend = props.publicFrontend ?? true;
    if (props.privateFrontendIpAddress !== undefined) {
      validatePrivateIp(construct, 'privateFrontendIpAddress', props.privateFrontendIpAddress);
    } else if (!publicFrontend) {
      throw missingProp(construct, 'privateFrontendIpAddress', 'give a static private IP of the gateway subnet when publicFrontend is false');
    }
    const zones = [...(props.zones ?? ['1', '2', '3'])].sort();
    if (zones.some((z) => !['1', '2', '3'].includes(z)) || new Set(zones).size !== zones.length) {
      throw invalidProp(construct, 'zones', props.zones, 'distinct values among "1", "2", "3"', 'use ["1", "2", "3"] for zone redundancy');
    }
    const minCapacity = props.minCapacity ?? 2;
    const maxCapacity = props.maxCapacity ?? 10;
    validateIntegerRange(construct, 'minCapacity', minCapacity, 0, 125, 'use 2 or more instances for availability');
    validateIntegerRange(construct, 'maxCapacity', maxCapacity, Math.max(2, minCapacity), 125, 'set maxCapacity at least 2 and not below minCapacity');

    this.identity = new UserAssignedIdentity(this, 'identity', {
      name: `id-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    this.identityPrincipalId = this.identity.principalId;
    const dependsOn: ITerraformDependable[] = [];
    if (props.keyVaultId !== undefined) {
      dependsOn.push(assignRole(this, 'key-vault-secrets-user', props.keyVaultId, KeyVaultRole.SECRETS_USER, this.identity.principalId));
    }

    this.wafPolicy = new WebApplicationFirewallPolicy(this, 'waf-policy', {
      name: `waf-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      policySettings: {
        enabled: true,
        mode: wafMode,
        requestBodyCheck: true,
        maxRequestBodySizeInKb: maxBody,
        fileUploadLimitInMb: uploadLimit,
      },
      managedRules: {
        managedRuleSet: [
          { type: 'OWASP', version: '3.2' },
          { type: 'Microsoft_BotManagerRuleSet', version: botVersion },
        ],
      },
      customRules: rateLimits.length ? rateLimits : undefined,
    });

    const frontends: ApplicationGatewayFrontendIpConfiguration[] = [];
    if (publicFrontend) {
      this.publicIp = new PublicIp(this, 'public-ip', {
        name: `pip-${props.name}`,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        sku: 'Standard',
        allocationMethod: 'Static',
        zones,
      });
      frontends.push({ name: NAMES.publicFrontend, publicIpAddressId: this.publicIp.id });
    }
    if (props.privateFrontendIpAddress !== undefined) {
      frontends.push({
        name: NAMES.privateFrontend,
        subnetId: props.subnetId,
        privateIpAddressAllocation: 'Static',
        privateIpAddress: props.privateFrontendIpAddress,
      });
    }
    const listenerFrontend = publicFrontend ? NAMES.publicFrontend : NAMES.privateFrontend;
    const hostNames = [...(props.hostNames ?? [])].sort();

    this.gateway = new ApplicationGateway(this, 'gateway', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      zones,
      sku: { name: 'WAF_v2', tier: 'WAF_v2' },
      tags: { [FRONTEND_EXPOSURE_TAG]: publicFrontend ? PUBLIC_EXPOSURE : PRIVATE_EXPOSURE },
      autoscaleConfiguration: { minCapacity, maxCapacity },
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      firewallPolicyId: this.wafPolicy.id,
      forceFirewallPolicyAssociation: true,
      enableHttp2: props.http2Enabled ?? false,
      sslPolicy: {
        policyType: tlsPolicy.policyType,
        policyName: tlsPolicy.policyName,
        minProtocolVersion: tlsPolicy.minProtocolVersion,
        cipherSuites: tlsPolicy.cipherSuites.length ? tlsPolicy.cipherSuites : undefined,
      },
      gatewayIpConfiguration: [{ name: NAMES.gatewayIp, subnetId: props.subnetId }],
      frontendIpConfiguration: frontends,
      frontendPort: [
        { name: NAMES.httpPort, port: 80 },
        { name: NAMES.httpsPort, port: 443 },
      ],
      sslCertificate: [{ name: NAMES.certificate, keyVaultSecretId: props.certificateSecretId }],
      trustedRootCertificate: props.backendTrustedRootCertificateSecretId
        ? [{ name: NAMES.trustedRoot, keyVaultSecretId: props.backendTrustedRootCertificateSecretId }]
        : undefined,
      // HTTPS first: checkov CKV_AZURE_217 reads only the first listener's protocol.
      httpListener: [
        {
          name: NAMES.httpsListener,
          frontendIpConfigurationName: listenerFrontend,
          frontendPortName: NAMES.httpsPort,
          protocol: 'Https',
          sslCertificateName: NAMES.certificate,
          hostNames: hostNames.length ? hostNames : undefined,
          requireSni: hostNames.length > 0,
        },
        {
          name: NAMES.httpListener,
          frontendIpConfigurationName: listenerFrontend,
          frontendPortName: NAMES.httpPort,
          protocol: 'Http',
          hostNames: hostNames.length ? hostNames : undefined,
        },
      ],
      redirectConfiguration: [
        { name: NAMES.redirect, redirectType: 'Permanent', targetListenerName: NAMES.httpsListener, includePath: true, includeQueryString: true },
      ],
      backendAddressPool: [
        {
          name: NAMES.pool,
          ipAddresses: sortedOrUndefined(backends.filter((b) => !Token.isUnresolved(b) && /^\d/.test(b))),
          fqdns: sortedOrUndefined(backends.filter((b) => Token.isUnresolved(b) || !/^\d/.test(b))),
        },
      ],
      backendHttpSettings: [
        {
          name: NAMES.settings,
          protocol: reencrypt ? 'Https' : 'Http',
          port: backendPort,
          cookieBasedAffinity: 'Disabled',
          requestTimeout: 30,
          hostName: props.backendHostName,
          pickHostNameFromBackendAddress: reencrypt && props.backendHostName === undefined ? true : undefined,
          trustedRootCertificateNames: props.backendTrustedRootCertificateSecretId ? [NAMES.trustedRoot] : undefined,
        },
      ],
      requestRoutingRule: [
        { name: NAMES.redirect, ruleType: 'Basic', httpListenerName: NAMES.httpListener, redirectConfigurationName: NAMES.redirect, priority: 100 },
        {
          name: 'https-to-backend',
          ruleType: 'Basic',
          httpListenerName: NAMES.httpsListener,
          backendAddressPoolName: NAMES.pool,
          backendHttpSettingsName: NAMES.settings,
          priority: 200,
        },
      ],
      lifecycle: mode === IngressGatewayMode.AGIC ? { ignoreChanges: AGIC_MANAGED_BLOCKS } : undefined,
      dependsOn: dependsOn.length ? dependsOn : undefined,
    });
    this.gatewayId = this.gateway.id;
    this.diagnosticSetting = diagnosticsToWorkspace(this, 'diagnostics', 'gateway-to-log-analytics', this.gateway.id, props.logAnalyticsWorkspaceId, [
      'ApplicationGatewayAccessLog',
      'ApplicationGatewayFirewallLog',
      'ApplicationGatewayPerformanceLog',
    ]);
  }

  /**
   * Role assignments the AKS AGIC add-on's identity needs (HardenedAksCluster `agicIdentityObjectId`) when
   * the cluster is created elsewhere: Contributor on the gateway, Reader on its resource group, Network
   * Contributor on the gateway subnet, and Managed Identity Operator on the gateway's identity (AGIC
   * re-applies the gateway with it). A `HardenedAksCluster` given this gateway as `applicationGateway`
   * creates them itself.
   */
  public grantAgic(agicIdentityObjectId: string, applicationGatewaySubnetId: string, resourceGroupId: string): RoleAssignment[] {
    const construct = `${CONSTRUCT} ${this.node.path}`;
    requireString(construct, 'agicIdentityObjectId', agicIdentityObjectId, 'pass aks.agicIdentityObjectId');
    requireString(construct, 'applicationGatewaySubnetId', applicationGatewaySubnetId, 'pass network.applicationGatewaySubnetId');
    requireString(construct, 'resourceGroupId', resourceGroupId, 'pass the id of the gateway resource group');
    this.claimAgic('this grantAgic call');
    this.agicGrantedBy = 'grantAgic';
    return agicRoleAssignments(new Construct(this, 'agic'), agicIdentityObjectId, {
      gatewayId: this.gateway.id,
      gatewayIdentityId: this.identity.id,
      gatewaySubnetId: applicationGatewaySubnetId,
      resourceGroupId,
    });
  }

  /**
   * Reserves the gateway for the AGIC add-on of the cluster at `clusterPath` (throws when the gateway is not
   * in AGIC mode or already granted), before the cluster creates anything.
   * @internal
   */
  public _claimAgic(clusterPath: string): void {
    this.claimAgic(`HardenedAksCluster ${clusterPath} (applicationGateway)`);
    this.agicGrantedBy = `HardenedAksCluster ${clusterPath}`;
  }

  /**
   * The AGIC role assignments, created in `scope` (the cluster, so that its stack depends on the
   * gateway's and not the other way round). The resource group id is the one in the gateway's resource id.
   * @internal
   */
  public _agicRoleAssignmentsIn(scope: Construct, agicIdentityObjectId: string): RoleAssignment[] {
    return agicRoleAssignments(scope, agicIdentityObjectId, {
      gatewayId: this.gateway.id,
      gatewayIdentityId: this.identity.id,
      gatewaySubnetId: this.subnetId,
      resourceGroupId: Fn.regex('^/subscriptions/[^/]+/resourceGroups/[^/]+', this.gateway.id),
    });
  }

  /** One AGIC per gateway: a second claim would fight over its configuration and duplicate the grants. */
  private claimAgic(claimant: string): void {
    const construct = `${CONSTRUCT} ${this.node.path}`;
    if (this.mode !== IngressGatewayMode.AGIC) {
      throw invalidProp(
        construct,
        'mode',
        this.mode,
        `IngressGatewayMode.AGIC for ${claimant} to hand the gateway to AGIC`,
        'create the gateway with mode: IngressGatewayMode.AGIC, or do not hand it to AGIC',
      );
    }
    if (this.agicGrantedBy !== undefined) {
      const earlier = this.agicGrantedBy === 'grantAgic' ? 'grantAgic was already called' : `${this.agicGrantedBy} already uses it for AGIC (applicationGateway)`;
      throw new HardenedK8sError(
        `${construct}: ${earlier}; ${claimant} would grant a second time. Allowed: one AGIC add-on per gateway, granted once. ` +
          'Fix: call grantAgic once and only for a cluster created elsewhere (a HardenedAksCluster given the gateway as applicationGateway grants itself); give each cluster its own gateway.',
      );
    }
  }
}

function sortedOrUndefined(values: string[]): string[] | undefined {
  return values.length ? [...values].sort() : undefined;
}
