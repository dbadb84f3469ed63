import { ACR_RULES } from '../rules/acr';
import { AKS_RULES } from '../rules/aks';
import { APPGW_RULES } from '../rules/appgw';
import { KEYVAULT_RULES } from '../rules/keyvault';
import { MONITORING_RULES } from '../rules/monitoring';
import { NETWORK_RULES } from '../rules/network';
import { RulePack } from '../rule-pack';
import { noPlaintextSecrets } from '../rules/secrets/no-plaintext-secrets';
// A credential in a backend is a plain-text secret whether or not the app uses RemoteState.
import { stateBackendNoCredentials } from '../rules/state/backend-credentials';

/** CIS AKS 1.8 controls satisfied by Azure infrastructure, plus AKS best practices. */
export class CisAksPack extends RulePack {
  constructor() {
    super('cis-aks-1.8', [...AKS_RULES, ...NETWORK_RULES, ...MONITORING_RULES, ...ACR_RULES, ...KEYVAULT_RULES, ...APPGW_RULES, noPlaintextSecrets, stateBackendNoCredentials]);
  }
}
