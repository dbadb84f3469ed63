// What users import in their tests: `cdktf-hardened-k8s/testing` (a plain TypeScript entry beside the
// jsii API, since jest matchers have no meaning in other languages).
export * from './snapshot';
export * from './matchers';
