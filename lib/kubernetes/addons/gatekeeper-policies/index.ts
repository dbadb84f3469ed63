export * from './gatekeeper-policy';
export * from './gatekeeper-policies-addon';
export * from './rbac-subject';
