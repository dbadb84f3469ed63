export * from './platform-monitoring';
