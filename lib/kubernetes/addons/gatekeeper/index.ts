export * from './gatekeeper-version';
export * from './gatekeeper-addon';
