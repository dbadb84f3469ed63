import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER } from './pools';

/** `az aks command invoke` would bypass the private API endpoint. */
export const aksRunCommandDisabled = defineRule(
  {
    id: 'aks-run-command-disabled',
    title: 'AKS run command is disabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedAksCluster runCommandEnabled false.',
    remediationTargets: ['HardenedAksClusterProps.runCommandEnabled'],
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: run_command_enabled = false',
  },
  (r) => check(valueOr(r, 'run_command_enabled', true) === false, 'run_command_enabled is true (provider default)'),
);
