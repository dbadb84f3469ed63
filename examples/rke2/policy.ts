// The organisation's cluster policy, in its own module so CI can re-check the synthesized app with it:
// `npx cdktf-hardened-k8s check cdktf.out/rke2 --rules examples/rke2/policy.ts`.
import { RkeClusterPolicyPack } from '../../lib';

export const platformPolicy = new RkeClusterPolicyPack({
  allowedKubernetesMinorVersions: ['1.31', '1.32'],
  requiredMachineGlobalConfig: [
    { key: 'profile', value: 'cis' },
    { key: 'cni', value: 'calico' },
  ],
  allowedCloudCredentialNames: ['rke2-platform-prod-azure'],
});
