import { CisAksPack, CisRke2Pack, IRulePack, KubernetesBaselinePack, TerraformStatePack } from '../lib';

/** The packs the docs' control matrix is generated from. */
export function documentedPacks(): IRulePack[] {
  return [new CisAksPack(), new KubernetesBaselinePack(), new CisRke2Pack(), new TerraformStatePack()];
}
