export * from './pod-security';
export * from './pod-security-version';
export * from './hardened-namespace';
export * from './namespace-tenant';
