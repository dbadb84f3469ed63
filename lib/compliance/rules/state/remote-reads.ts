import { CROSS_STACK_READ_PREFIX, remoteReadProblems } from '../../../azure/state/backend-checks';
import { check, defineRule } from '../../define-rule';
import { DATA_PREFIX } from '../../rule-context';
import { RuleSeverity } from '../../types';
import { backendsOfStack, readOf, whereOf } from './backend-facts';

/** Each remote state read reads from no machine path, and a cross-stack read exactly where the producing stack writes. */
export const stateRemoteReads = defineRule(
  {
    id: 'state-remote-reads',
    title: 'Remote state reads name no machine path, and each cross-stack read reads where the producing stack writes its state',
    severity: RuleSeverity.ERROR,
    remediation: 'Change backends through RemoteState only (never with an override on one side), and read other state with relative or remote settings.',
    remediationTargets: ['RemoteState.azureStorage', 'RemoteState.hcpTerraform'],
    cisControls: [],
    resourceTypes: [`${DATA_PREFIX}terraform_remote_state`],
    constructDefault: "cdktf's cross-stack reads take the producer's backend settings from RemoteState",
  },
  (item, context) => {
    // cdktf names the read after the producer's construct path; stacks are children of the App, so that is its name.
    const producerName = item.name.startsWith(CROSS_STACK_READ_PREFIX) ? item.name.slice(CROSS_STACK_READ_PREFIX.length).split('--').join('/') : undefined;
    const producer = context.appStacks().find((s) => s.stackName === producerName);
    const backends = producer ? backendsOfStack(producer) : [];
    const problems = remoteReadProblems(whereOf(item, context), item.name, readOf(item), backends.length === 1 ? backends[0] : undefined);
    return check(problems.length === 0, problems.join(' '));
  },
);
