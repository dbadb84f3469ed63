// The compliance engine locates findings in the app's source: record where constructs are created from the first import on.
import './compliance/creation-sites';
export * from './cis';
export * from './compliance';
export * from './kubernetes';
export * from './azure';
export * from './rancher';
export * from './error-check';
