/** The CNI RKE2 installs (`cni`); every choice enforces NetworkPolicy (CIS RKE2 1.8 5.3.1). Fixed at creation. */
export enum Rke2Cni {
  /** Calico (network policy compatible with Istio). */
  CALICO = 'calico',
  /** Canal (Flannel + Calico policy), RKE2's default. */
  CANAL = 'canal',
  /** Cilium. */
  CILIUM = 'cilium',
}

/** Kubelet TLS cipher suites kube-bench accepts as strong (CIS RKE2 1.8 4.2.12). */
export class KubeletCipherSuites {
  /** The AEAD suites of the CIS check, ECDHE first. */
  public static readonly STRONG: string[] = [
    'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
    'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
    'TLS_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_RSA_WITH_AES_128_GCM_SHA256',
  ];

  private constructor() {}
}
