import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { singleBlock, stringList, stringMap, timeoutsToTerraform } from './converters';
import { resourceOptions } from './metadata';
import { requireSensitiveReference } from './sensitive';
import { Rancher2Timeouts } from './timeouts';
import { libraryScope } from '../../scope';

/** `azure_config` of a machine config: how Rancher's Azure node driver creates each VM. */
export interface Rancher2MachineConfigV2AzureConfig {
  /**
   * Marketplace image `publisher:offer:sku:version` (`image`).
   * @default "canonical:UbuntuServer:18.04-LTS:latest" (provider default)
   */
  readonly image?: string;
  /**
   * VM size (`size`).
   * @default "Standard_D2_v2" (provider default)
   */
  readonly size?: string;
  /**
   * Azure region (`location`).
   * @default "westus" (provider default)
   */
  readonly location?: string;
  /**
   * Resource group of the VMs (`resource_group`), created if missing.
   * @default "docker-machine" (provider default)
   */
  readonly resourceGroup?: string;
  /**
   * Virtual network, `[resourcegroup:]name` (`vnet`).
   * @default "docker-machine-vnet" (provider default)
   */
  readonly vnet?: string;
  /**
   * Subnet name (`subnet`).
   * @default "docker-machine" (provider default)
   */
  readonly subnet?: string;
  /**
   * Address prefix used when the driver creates the subnet (`subnet_prefix`).
   * @default "192.168.0.0/16" (provider default)
   */
  readonly subnetPrefix?: string;
  /**
   * Network security group name or resource id (`nsg`).
   * @default "docker-machine-nsg" (provider default)
   */
  readonly nsg?: string;
  /**
   * Availability set (`availability_set`).
   * @default "docker-machine" (provider default)
   */
  readonly availabilitySet?: string;
  /**
   * Availability zone (`availability_zone`).
   * @default "" (provider default)
   */
  readonly availabilityZone?: string;
  /**
   * Fault domain count, a string (`fault_domain_count`).
   * @default "3" (provider default)
   */
  readonly faultDomainCount?: string;
  /**
   * Update domain count, a string (`update_domain_count`).
   * @default "5" (provider default)
   */
  readonly updateDomainCount?: string;
  /**
   * Use managed disks (`managed_disks`).
   * @default false (provider default)
   */
  readonly managedDisks?: boolean;
  /**
   * OS disk size in GB, a string (`disk_size`).
   * @default "30" (provider default)
   */
  readonly diskSize?: string;
  /**
   * Disk storage type (`storage_type`).
   * @default "Standard_LRS" (provider default)
   */
  readonly storageType?: string;
  /**
   * Connect to the VM over its private IP (`use_private_ip`).
   * @default false (provider default)
   */
  readonly usePrivateIp?: boolean;
  /**
   * Use only the private address (`private_address_only`).
   * @default false (provider default)
   */
  readonly privateAddressOnly?: boolean;
  /**
   * Static private IP (`private_ip_address`).
   * @default - dynamic
   */
  readonly privateIpAddress?: string;
  /**
   * Create no public IP (`no_public_ip`).
   * @default false (provider default)
   */
  readonly noPublicIp?: boolean;
  /**
   * Static public IP (`static_public_ip`).
   * @default false (provider default)
   */
  readonly staticPublicIp?: boolean;
  /**
   * Standard SKU public IP (`use_public_ip_standard_sku`).
   * @default false (provider default)
   */
  readonly usePublicIpStandardSku?: boolean;
  /**
   * Accelerated networking (`accelerated_networking`).
   * @default false (provider default)
   */
  readonly acceleratedNetworking?: boolean;
  /**
   * Public IP DNS label (`dns`).
   * @default - none
   */
  readonly dns?: string;
  /**
   * Ports the driver opens to the Internet (`open_port`).
   * @default - none
   */
  readonly openPort?: string[];
  /**
   * Tags as one string `key1,value1,key2,value2` (`tags`).
   * @default "" (provider default)
   */
  readonly tags?: string;
  /**
   * SSH user the driver creates (`ssh_user`).
   * @default "docker-user" (provider default)
   */
  readonly sshUser?: string;
  /**
   * Docker port (`docker_port`).
   * @default "2376" (provider default)
   */
  readonly dockerPort?: string;
  /**
   * Cloud-init custom data (`custom_data`).
   * @default - none
   */
  readonly customData?: string;
  /**
   * Azure environment (`environment`).
   * @default "AzurePublicCloud" (provider default)
   */
  readonly environment?: string;
  /**
   * Service principal client id (`client_id`, sensitive); prefer a cloud credential.
   * @default - from the cloud credential
   */
  readonly clientId?: string;
  /**
   * Service principal secret (`client_secret`, sensitive); a reference, never a literal. Prefer a cloud credential.
   * @default - from the cloud credential
   */
  readonly clientSecret?: string;
  /**
   * Subscription id (`subscription_id`, sensitive).
   * @default - from the cloud credential
   */
  readonly subscriptionId?: string;
  /**
   * Tenant id (`tenant_id`, sensitive).
   * @default - from the cloud credential
   */
  readonly tenantId?: string;
}

/** Arguments of `rancher2_machine_config_v2`. */
export interface Rancher2MachineConfigV2Config extends cdktf.TerraformMetaArguments {
  /** Name prefix (`generate_name`); the name becomes `nc-<generate_name>-<random>`. */
  readonly generateName: string;
  /**
   * Fleet namespace (`fleet_namespace`); must match the cluster's.
   * @default "fleet-default"
   */
  readonly fleetNamespace?: string;
  /**
   * Azure node driver settings (`azure_config`).
   * @default - none (another driver's block must be set)
   */
  readonly azureConfig?: Rancher2MachineConfigV2AzureConfig;
  /**
   * Annotations (`annotations`).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Labels (`labels`).
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Timeouts (`timeouts`).
   * @default - create 3 minutes, update and delete 10 minutes
   */
  readonly timeouts?: Rancher2Timeouts;
}

function azureConfigToTerraform(c: Rancher2MachineConfigV2AzureConfig): any {
  return {
    image: cdktf.stringToTerraform(c.image),
    size: cdktf.stringToTerraform(c.size),
    location: cdktf.stringToTerraform(c.location),
    resource_group: cdktf.stringToTerraform(c.resourceGroup),
    vnet: cdktf.stringToTerraform(c.vnet),
    subnet: cdktf.stringToTerraform(c.subnet),
    subnet_prefix: cdktf.stringToTerraform(c.subnetPrefix),
    nsg: cdktf.stringToTerraform(c.nsg),
    availability_set: cdktf.stringToTerraform(c.availabilitySet),
    availability_zone: cdktf.stringToTerraform(c.availabilityZone),
    fault_domain_count: cdktf.stringToTerraform(c.faultDomainCount),
    update_domain_count: cdktf.stringToTerraform(c.updateDomainCount),
    managed_disks: cdktf.booleanToTerraform(c.managedDisks),
    disk_size: cdktf.stringToTerraform(c.diskSize),
    storage_type: cdktf.stringToTerraform(c.storageType),
    use_private_ip: cdktf.booleanToTerraform(c.usePrivateIp),
    private_address_only: cdktf.booleanToTerraform(c.privateAddressOnly),
    private_ip_address: cdktf.stringToTerraform(c.privateIpAddress),
    no_public_ip: cdktf.booleanToTerraform(c.noPublicIp),
    static_public_ip: cdktf.booleanToTerraform(c.staticPublicIp),
    use_public_ip_standard_sku: cdktf.booleanToTerraform(c.usePublicIpStandardSku),
    accelerated_networking: cdktf.booleanToTerraform(c.acceleratedNetworking),
    dns: cdktf.stringToTerraform(c.dns),
    open_port: stringList(c.openPort),
    tags: cdktf.stringToTerraform(c.tags),
    ssh_user: cdktf.stringToTerraform(c.sshUser),
    docker_port: cdktf.stringToTerraform(c.dockerPort),
    custom_data: cdktf.stringToTerraform(c.customData),
    environment: cdktf.stringToTerraform(c.environment),
    client_id: cdktf.stringToTerraform(c.clientId),
    client_secret: cdktf.stringToTerraform(c.clientSecret),
    subscription_id: cdktf.stringToTerraform(c.subscriptionId),
    tenant_id: cdktf.stringToTerraform(c.tenantId),
  };
}

/** `rancher2_machine_config_v2`: a node-driver machine template for an RKE2 machine pool. */
export class Rancher2MachineConfigV2 extends cdktf.TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'rancher2_machine_config_v2';

  private readonly config: Rancher2MachineConfigV2Config;

  constructor(scope: Construct, id: string, config: Rancher2MachineConfigV2Config) {
    super(libraryScope(scope, id, 'Rancher2MachineConfigV2'), id, resourceOptions(Rancher2MachineConfigV2.tfResourceType, config, `Rancher2MachineConfigV2 "${id}"`, ['generateName']));
    requireSensitiveReference(`Rancher2MachineConfigV2 ${this.node.path}`, 'azureConfig.clientSecret', config.azureConfig?.clientSecret);
    this.config = config;
  }

  /** Resource id. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Machine config kind, `AzureConfig` for Azure (computed); feeds `machine_pools.machine_config.kind`. */
  public get kind(): string {
    return this.getStringAttribute('kind');
  }

  /** Generated machine config name (computed); feeds `machine_pools.machine_config.name`. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /** Kubernetes resourceVersion (computed). */
  public get resourceVersion(): string {
    return this.getStringAttribute('resource_version');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      generate_name: cdktf.stringToTerraform(c.generateName),
      fleet_namespace: cdktf.stringToTerraform(c.fleetNamespace),
      azure_config: singleBlock(c.azureConfig, azureConfigToTerraform),
      annotations: stringMap(c.annotations),
      labels: stringMap(c.labels),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }
}
