// Azure constructs. Each area has its own barrel.
export {};
