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
 * The TLS 1.2 suites of Application Gateway with forward secrecy (ECDHE) and an AEAD cipher (GCM): the ones
 * checkov CKV_AZURE_218 accepts. `TLS_RSA_*` has no forward secrecy; `TLS_DHE_RSA_*` uses finite-field DH,
 * which checkov rejects; every CBC suite is open to padding-oracle attacks.
 */
const ECDHE_GCM_SUITES = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
];

/**
 * The TLS policy of an Application Gateway's listeners: the strict predefined policy, or a custom one with
 * TLS 1.2 or newer and only ECDHE GCM cipher suites.
 */
export class GatewayTlsPolicy {
  /** Predefined `AppGwSslPolicy20220101S`: TLS 1.2 minimum, AEAD (GCM) cipher suites only. */
  public static readonly APPGW_SSL_POLICY_20220101_S = new GatewayTlsPolicy('Predefined', 'AppGwSslPolicy20220101S', undefined, []);

  /**
   * A custom (CustomV2) policy. `minProtocolVersion` must be TLSv1_2 or TLSv1_3; cipher suites (TLS 1.2
   * suites) must be ECDHE with AES-GCM (`TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256`,
   * `TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384`, `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`,
   * `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`) and are required with TLSv1_2.
   */
  public static custom(minProtocolVersion: TlsProtocolVersion, cipherSuites: string[]): GatewayTlsPolicy {
    if (!ACCEPTED_VERSIONS.includes(minProtocolVersion)) {
      throw invalidProp(CONSTRUCT, 'minProtocolVersion', minProtocolVersion, ACCEPTED_VERSIONS.join(', '), 'use TlsProtocolVersion.TLSV1_2 or TLSV1_3 (TLS 1.0 and 1.1 are deprecated)');
    }
    const suites = [...(cipherSuites ?? [])];
    const bad = suites.filter((s) => !ECDHE_GCM_SUITES.includes(s));
    if (bad.length) {
      throw invalidProp(
        CONSTRUCT,
        'cipherSuites',
        bad,
        `ECDHE suites with AES-GCM: ${ECDHE_GCM_SUITES.join(', ')}`,
        'remove CBC suites (padding oracles), TLS_RSA_* suites (no forward secrecy) and TLS_DHE_* suites (rejected by checkov CKV_AZURE_218); keep the ECDHE GCM suites',
      );
    }
    if (minProtocolVersion === TlsProtocolVersion.TLSV1_2 && suites.length === 0) {
      throw invalidProp(CONSTRUCT, 'cipherSuites', suites, 'at least one TLS 1.2 ECDHE GCM suite', 'list e.g. TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 and TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    }
    return new GatewayTlsPolicy('CustomV2', undefined, minProtocolVersion, [...new Set(suites)].sort());
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
