import { Token } from 'cdktf';
import { invalidProp } from '../../../errors';

/** Pinned kube-bench images (kube-bench ships Job manifests, not a chart). */
export class KubeBenchVersion {
  /** kube-bench v0.15.6 (has the aks-1.8 and rke2-cis-1.8 benchmarks). */
  public static readonly V0_15_6 = new KubeBenchVersion('docker.io/aquasec/kube-bench', 'v0.15.6');

  /** Escape hatch: another tag, or a mirror of the image (e.g. in your ACR). */
  public static of(repository: string, tag: string): KubeBenchVersion {
    if (Token.isUnresolved(tag) || !/^v\d+\.\d+\.\d+$/.test(tag ?? '')) {
      throw invalidProp('KubeBenchVersion.of', 'tag', tag, 'an exact release tag such as "v0.15.6" (never "latest")', 'pin the release tag');
    }
    if (Token.isUnresolved(repository) || !/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/.test(repository ?? '')) {
      throw invalidProp('KubeBenchVersion.of', 'repository', repository, 'a fully qualified image repository such as "myacr.azurecr.io/aquasec/kube-bench"', 'include the registry host');
    }
    return new KubeBenchVersion(repository, tag);
  }

  /** Image repository. */
  public readonly repository: string;
  /** Image tag. */
  public readonly tag: string;

  private constructor(repository: string, tag: string) {
    this.repository = repository;
    this.tag = tag;
  }

  /** `repository:tag`. */
  public get image(): string {
    return `${this.repository}:${this.tag}`;
  }
}
