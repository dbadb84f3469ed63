import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp } from '../../errors';
import { RANCHER2_GENERATOR_METADATA, RANCHER2_PROVIDER_SOURCE } from './metadata';
import { requireSensitiveReference } from './sensitive';
import { libraryScope } from '../../scope';

/** Arguments of the `rancher2` provider (schema of rancher/rancher2 14.1.1). */
export interface Rancher2ProviderConfig {
  /**
   * Rancher API URL (`api_url`).
   * @default - the RANCHER_URL environment variable
   */
  readonly apiUrl?: string;
  /**
   * Rancher API access key (`access_key`, sensitive).
   * @default - the RANCHER_ACCESS_KEY environment variable
   */
  readonly accessKey?: string;
  /**
   * Rancher API secret key (`secret_key`, sensitive); must be a reference, never a literal.
   * @default - the RANCHER_SECRET_KEY environment variable
   */
  readonly secretKey?: string;
  /**
   * Rancher API token (`token_key`, sensitive); must be a reference, never a literal.
   * @default - the RANCHER_TOKEN_KEY environment variable
   */
  readonly tokenKey?: string;
  /**
   * PEM CA bundle of a Rancher server with a private CA (`ca_certs`).
   * @default - the RANCHER_CA_CERTS environment variable, else the system trust store
   */
  readonly caCerts?: string;
  /**
   * Skip TLS verification (`insecure`).
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Bootstrap mode (`bootstrap`): only `rancher2_bootstrap` is usable.
   * @default false
   */
  readonly bootstrap?: boolean;
  /**
   * How long the provider keeps retrying the Rancher API (every 5 s), as a Go duration (`timeout`). It
   * replaces the provider's `retries`, deprecated upstream and not bound here.
   * @default "120s"
   */
  readonly timeout?: string;
  /**
   * Provider alias.
   * @default - the default provider
   */
  readonly alias?: string;
}

/** Go's time.ParseDuration syntax, which the provider validates `timeout` with. */
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/** The `rancher2` provider (source `rancher/rancher2`, pinned to 14.1.1). */
export class Rancher2Provider extends cdktf.TerraformProvider {
  /** Terraform provider type. */
  public static readonly tfResourceType = 'rancher2';

  private readonly config: Rancher2ProviderConfig;
  // TerraformProvider only declares alias; like the generated bindings, the provider keeps its own.
  private aliasValue?: string;

  constructor(scope: Construct, id: string, config?: Rancher2ProviderConfig) {
    config = config ?? {};
    super(libraryScope(scope, id, 'Rancher2Provider'), id, {
      terraformResourceType: 'rancher2',
      terraformGeneratorMetadata: RANCHER2_GENERATOR_METADATA,
      terraformProviderSource: RANCHER2_PROVIDER_SOURCE,
    });
    const construct = `Rancher2Provider ${this.node.path}`;
    if ((config as any).retries !== undefined) {
      // JavaScript callers of the old binding: the argument is deprecated upstream ("Use timeout instead").
      throw new HardenedK8sError(
        `${construct}: retries is not supported (deprecated in the rancher2 provider: "Use timeout instead"). Allowed: timeout, a Go duration such as "300s". Fix: replace retries with timeout (one retry every 5 s).`,
      );
    }
    if (config.timeout !== undefined && !cdktf.Token.isUnresolved(config.timeout) && !GO_DURATION.test(config.timeout ?? '')) {
      throw invalidProp(construct, 'timeout', config.timeout, 'a Go duration such as "120s", "5m" or "1h30m"', 'write the unit, e.g. "300s"');
    }
    requireSensitiveReference(`Rancher2Provider ${this.node.path}`, 'secretKey', config.secretKey);
    requireSensitiveReference(`Rancher2Provider ${this.node.path}`, 'tokenKey', config.tokenKey);
    this.config = config;
    this.alias = config.alias;
  }

  /** Alias of this provider configuration (`alias`), to use several of them in one stack. */
  public get alias(): string | undefined {
    return this.aliasValue;
  }

  public set alias(value: string | undefined) {
    this.aliasValue = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      api_url: cdktf.stringToTerraform(c.apiUrl),
      access_key: cdktf.stringToTerraform(c.accessKey),
      secret_key: cdktf.stringToTerraform(c.secretKey),
      token_key: cdktf.stringToTerraform(c.tokenKey),
      ca_certs: cdktf.stringToTerraform(c.caCerts),
      insecure: cdktf.booleanToTerraform(c.insecure),
      bootstrap: cdktf.booleanToTerraform(c.bootstrap),
      timeout: cdktf.stringToTerraform(c.timeout),
      alias: cdktf.stringToTerraform(this.alias),
    };
  }
}
