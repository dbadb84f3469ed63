import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { resourceOptions } from './metadata';
import { requireSensitiveReference } from './sensitive';
import { singleBlock, stringMap, timeoutsToTerraform } from './converters';
import { Rancher2Timeouts } from './timeouts';
import { libraryScope } from '../../scope';

/** `azure_credential_config` of a cloud credential: an Entra ID service principal. */
export interface Rancher2CloudCredentialAzureCredentialConfig {
  /** Application (client) id of the service principal (`client_id`, sensitive). */
  readonly clientId: string;
  /** Client secret (`client_secret`, sensitive): a reference to a sensitive variable or Key Vault secret, never a literal. */
  readonly clientSecret: string;
  /** Subscription id (`subscription_id`, sensitive). */
  readonly subscriptionId: string;
  /**
   * Tenant id (`tenant_id`).
   * @default - looked up by Rancher
   */
  readonly tenantId?: string;
  /**
   * Azure environment (`environment`), e.g. `AzurePublicCloud`.
   * @default - AzurePublicCloud
   */
  readonly environment?: string;
}

/** Arguments of `rancher2_cloud_credential`. */
export interface Rancher2CloudCredentialConfig extends cdktf.TerraformMetaArguments {
  /** Credential name (`name`). */
  readonly name: string;
  /**
   * Description (`description`).
   * @default - none
   */
  readonly description?: string;
  /**
   * Azure service principal (`azure_credential_config`).
   * @default - none (another driver's block must be set)
   */
  readonly azureCredentialConfig?: Rancher2CloudCredentialAzureCredentialConfig;
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
   * @default - 10 minutes each
   */
  readonly timeouts?: Rancher2Timeouts;
}

function azureCredentialConfigToTerraform(c: Rancher2CloudCredentialAzureCredentialConfig): any {
  return {
    client_id: cdktf.stringToTerraform(c.clientId),
    client_secret: cdktf.stringToTerraform(c.clientSecret),
    subscription_id: cdktf.stringToTerraform(c.subscriptionId),
    tenant_id: cdktf.stringToTerraform(c.tenantId),
    environment: cdktf.stringToTerraform(c.environment),
  };
}

/** `rancher2_cloud_credential`: credentials Rancher's node drivers use to create machines. */
export class Rancher2CloudCredential extends cdktf.TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'rancher2_cloud_credential';

  private readonly config: Rancher2CloudCredentialConfig;

  constructor(scope: Construct, id: string, config: Rancher2CloudCredentialConfig) {
    super(libraryScope(scope, id, 'Rancher2CloudCredential'), id, resourceOptions(Rancher2CloudCredential.tfResourceType, config, `Rancher2CloudCredential "${id}"`, ['name']));
    requireSensitiveReference(`Rancher2CloudCredential ${this.node.path}`, 'azureCredentialConfig.clientSecret', config.azureCredentialConfig?.clientSecret);
    this.config = config;
  }

  /** Rancher credential id (`cattle-global-data:cc-xxxxx`); the value of `cloud_credential_secret_name`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Credential name. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /** Node driver of the credential (computed). */
  public get driver(): string {
    return this.getStringAttribute('driver');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: cdktf.stringToTerraform(c.name),
      description: cdktf.stringToTerraform(c.description),
      azure_credential_config: singleBlock(c.azureCredentialConfig, azureCredentialConfigToTerraform),
      annotations: stringMap(c.annotations),
      labels: stringMap(c.labels),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }
}
