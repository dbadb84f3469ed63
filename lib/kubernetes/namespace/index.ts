export * from './pod-security';
export * from './hardened-namespace';
