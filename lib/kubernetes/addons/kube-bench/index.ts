export * from './kube-bench-version';
export * from './kube-bench-addon';
