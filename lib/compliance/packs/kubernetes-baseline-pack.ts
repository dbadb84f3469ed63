import { KUBERNETES_RULES } from '../rules/kubernetes';
import { RulePack } from '../rule-pack';

/** CIS in-cluster controls satisfied by the objects of the cluster baseline. */
export class KubernetesBaselinePack extends RulePack {
  constructor() {
    super('kubernetes-baseline', [...KUBERNETES_RULES]);
  }
}
