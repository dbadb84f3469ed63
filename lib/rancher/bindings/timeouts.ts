/** The `timeouts` block of a rancher2 resource (Go durations such as `30m`). */
export interface Rancher2Timeouts {
  /**
   * Create timeout.
   * @default - the resource's default
   */
  readonly create?: string;
  /**
   * Update timeout.
   * @default - the resource's default
   */
  readonly update?: string;
  /**
   * Delete timeout.
   * @default - the resource's default
   */
  readonly delete?: string;
}
