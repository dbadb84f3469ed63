import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER } from './pools';

/** Unused, vulnerable images are removed from nodes. */
export const aksImageCleaner = defineRule(
  {
    id: 'aks-image-cleaner',
    title: 'AKS image cleaner removes unused images from nodes',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep the HardenedAksCluster image cleaner on (imageCleanerIntervalHours).',
    remediationTargets: ['HardenedAksClusterProps.imageCleanerIntervalHours'],
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: image_cleaner_enabled = true, every 48 h',
  },
  (r) => check(valueOr(r, 'image_cleaner_enabled', false) === true, 'image cleaner off'),
);
