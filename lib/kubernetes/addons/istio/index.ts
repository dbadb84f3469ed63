export * from './istio-version';
export * from './mesh-authorization';
export * from './istio-addon';
export * from './mesh-egress';
export * from './mesh-ingress';
export * from './mesh-rate-limit';
