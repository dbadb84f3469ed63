export * from './cluster';
export * from './addons/addon';
export * from './addons/chart-pin';
