import { invalidProp } from '../../errors';

/** Minimum TLS protocol version of a custom policy. */
export enum TlsMinimumVersion {
  /** TLS 1.2. */
  TLS1_2 = 'TLSv1_2',
  /** TLS 1.3. */
  TLS1_3 = 'TLSv1_3',
}

/** GCM cipher suites with forward secrecy that Application Gateway supports for TLS 1.2. */
const STRONG_CIPHERS = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
];

/**
 * The TLS policy of the gateway's listeners: the predefined AppGwSslPolicy20220101S (TLS 1.2+, strong
 * GCM ciphers) by default, or a custom policy with TLS 1.2+ and no CBC cipher suites.
 */
export class TlsPolicy {
  /** Predefined AppGwSslPolicy20220101S: TLS 1.2 minimum, ECDHE GCM ciphers only. */
  public static readonly PREDEFINED_2022_STRICT = new TlsPolicy('Predefined', 'AppGwSslPolicy20220101S', undefined, []);

  /** A custom policy; rejects versions below TLS 1.2 and CBC cipher suites. */
  public static custom(minimumVersion: TlsMinimumVersion, cipherSuites?: string[]): TlsPolicy {
    if (!Object.values(TlsMinimumVersion).includes(minimumVersion)) {
      throw invalidProp('TlsPolicy.custom', 'minimumVersion', minimumVersion, 'TLSv1_2 or TLSv1_3', 'use TlsMinimumVersion.TLS1_2');
    }
    const ciphers = cipherSuites ?? STRONG_CIPHERS;
    const weak = ciphers.filter((c) => c.includes('CBC') || !c.includes('GCM'));
    if (weak.length > 0) {
      throw invalidProp('TlsPolicy.custom', 'cipherSuites', weak, `GCM suites only, e.g. ${STRONG_CIPHERS.join(', ')}`, 'remove the CBC suites');
    }
    return new TlsPolicy('CustomV2', undefined, minimumVersion, ciphers);
  }

  /** `Predefined` or `CustomV2`. */
  public readonly policyType: string;
  /** Predefined policy name. */
  public readonly policyName?: string;
  /** Minimum TLS version of a custom policy. */
  public readonly minProtocolVersion?: string;
  /** Cipher suites of a custom policy. */
  public readonly cipherSuites: string[];

  private constructor(policyType: string, policyName: string | undefined, minProtocolVersion: string | undefined, cipherSuites: string[]) {
    this.policyType = policyType;
    this.policyName = policyName;
    this.minProtocolVersion = minProtocolVersion;
    this.cipherSuites = cipherSuites;
  }
}
