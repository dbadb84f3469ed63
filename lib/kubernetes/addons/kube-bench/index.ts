export * from './kube-bench-version';
export * from './kube-bench-addon';
export * from './kube-bench-benchmark';
