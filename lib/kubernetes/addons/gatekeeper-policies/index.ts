export * from './gatekeeper-policy';
export * from './gatekeeper-policies-addon';
