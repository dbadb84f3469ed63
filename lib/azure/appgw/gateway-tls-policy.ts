import { invalidProp } from '../../errors';

/** TLS protocol versions of Application Gateway (`min_protocol_version`). */
export enum TlsProtocolVersion {
  /** TLS 1.0: rejected (deprecated, insecure). */
  TLSV1_0 = 'TLSv1_0',
  /** TLS 1.1: rejected (deprecated, insecure). */
  TLSV1_1 = 'TLSv1_1',
  /** TLS 1.2. */
  TLSV1_2 = 'TLSv1_2',
  /** TLS 1.3. */
  TLSV1_3 = 'TLSv1_3',
}

const ACCEPTED_VERSIONS: string[] = [TlsProtocolVersion.TLSV1_2, TlsProtocolVersion.TLSV1_3];
const CONSTRUCT = 'GatewayTlsPolicy.custom';

/**
 * The TLS policy of an Application Gateway's listeners: the strict predefined policy, or a custom one with
 * TLS 1.2 or newer and no CBC cipher suites.
 */
export class GatewayTlsPolicy {
  /** Predefined `AppGwSslPolicy20220101S`: TLS 1.2 minimum, AEAD (GCM) cipher suites only. */
  public static readonly APPGW_SSL_POLICY_20220101_S = new GatewayTlsPolicy('Predefined', 'AppGwSslPolicy20220101S', undefined, []);

  /**
   * A custom (CustomV2) policy. `minProtocolVersion` must be TLSv1_2 or TLSv1_3; cipher suites (TLS 1.2
   * suites, e.g. `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`) must not use CBC and are required with TLSv1_2.
   */
  public static custom(minProtocolVersion: TlsProtocolVersion, cipherSuites: string[]): GatewayTlsPolicy {
    if (!ACCEPTED_VERSIONS.includes(minProtocolVersion)) {
      throw invalidProp(CONSTRUCT, 'minProtocolVersion', minProtocolVersion, ACCEPTED_VERSIONS.join(', '), 'use TlsProtocolVersion.TLSV1_2 or TLSV1_3 (TLS 1.0 and 1.1 are deprecated)');
    }
    const suites = [...(cipherSuites ?? [])];
    const bad = suites.filter((s) => typeof s !== 'string' || !/^TLS_[A-Z0-9_]+$/.test(s) || s.includes('_CBC_'));
    if (bad.length) {
      throw invalidProp(
        CONSTRUCT,
        'cipherSuites',
        bad,
        'Application Gateway cipher suite names without CBC, e.g. TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        'remove the CBC suites (they are open to padding-oracle attacks) and keep GCM suites',
      );
    }
    if (minProtocolVersion === TlsProtocolVersion.TLSV1_2 && suites.length === 0) {
      throw invalidProp(CONSTRUCT, 'cipherSuites', suites, 'at least one TLS 1.2 GCM suite', 'list e.g. TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 and TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    }
    return new GatewayTlsPolicy('CustomV2', undefined, minProtocolVersion, suites.sort());
  }

  /** `Predefined` or `CustomV2`. */
  public readonly policyType: string;
  /** Name of the predefined policy. */
  public readonly policyName?: string;
  /** Minimum TLS version of a custom policy. */
  public readonly minProtocolVersion?: string;
  /** Cipher suites of a custom policy, sorted. */
  public readonly cipherSuites: string[];

  private constructor(policyType: string, policyName: string | undefined, minProtocolVersion: string | undefined, cipherSuites: string[]) {
    this.policyType = policyType;
    this.policyName = policyName;
    this.minProtocolVersion = minProtocolVersion;
    this.cipherSuites = cipherSuites;
  }
}
