import { RANCHER_RULES } from '../rules/rancher';
import { RulePack } from '../rule-pack';
import { noPlaintextSecrets } from '../rules/secrets/no-plaintext-secrets';
// A credential in a backend is a plain-text secret whether or not the app uses RemoteState.
import { stateBackendNoCredentials } from '../rules/state/backend-credentials';

/** RKE2 CIS 1.8 controls satisfied by the cluster configuration Rancher applies. */
export class CisRke2Pack extends RulePack {
  constructor() {
    super('rke2-cis-1.8', [...RANCHER_RULES, noPlaintextSecrets, stateBackendNoCredentials]);
  }
}
