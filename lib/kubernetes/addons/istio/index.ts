export * from './istio-version';
export * from './mesh-authorization';
export * from './istio-addon';
