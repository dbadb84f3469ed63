export * from './tls-policy';
export * from './tls-ingress-gateway';
