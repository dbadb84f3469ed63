import { check, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

const SECURE_TLS = ['TLS1_2', 'TLS1_3'];

/** State travels over HTTPS with TLS 1.2 or later only. */
export const stateAccountSecureTransfer = defineStateAccountRule(
  {
    id: 'state-account-secure-transfer',
    title: 'State account accepts HTTPS only, with TLS 1.2 or later',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedStateBackend, or set https_traffic_only_enabled = true and min_tls_version = "TLS1_2" on the azurerm_storage_account.',
    remediationTargets: ['HardenedStateBackend'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: https_traffic_only_enabled = true, min_tls_version = "TLS1_2"',
  },
  (account) => {
    const https = valueOr(account, 'https_traffic_only_enabled', true);
    const tls = valueOr(account, 'min_tls_version', 'TLS1_2');
    const weak = [https !== true ? `https_traffic_only_enabled=${https}` : '', SECURE_TLS.includes(tls) ? '' : `min_tls_version=${tls}`].filter((x) => x);
    return check(weak.length === 0, weak.join(', '));
  },
);
