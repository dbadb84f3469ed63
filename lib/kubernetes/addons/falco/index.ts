export * from './falco-version';
export * from './falco-addon';
