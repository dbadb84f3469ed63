export * from './aks-network';
