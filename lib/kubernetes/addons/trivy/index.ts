export * from './trivy-operator-version';
export * from './trivy-addon';
