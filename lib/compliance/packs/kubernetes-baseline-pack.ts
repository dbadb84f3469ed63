import { KUBERNETES_RULES } from '../rules/kubernetes';
import { RulePack } from '../rule-pack';
import { noPlaintextSecrets } from '../rules/secrets/no-plaintext-secrets';

/** CIS in-cluster controls satisfied by the objects of the cluster baseline. */
export class KubernetesBaselinePack extends RulePack {
  constructor() {
    super('kubernetes-baseline', [...KUBERNETES_RULES, noPlaintextSecrets]);
  }
}
