// Internal: validation shared by the `XxxVersion.of()` escape hatches.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';

const CHART_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** Throws unless the version is a literal semantic version without a leading `v`. */
export function validateChartVersion(construct: string, version: string): void {
  if (Token.isUnresolved(version) || !CHART_VERSION.test(version ?? '')) {
    throw invalidProp(
      construct,
      'version',
      Token.isUnresolved(version) ? '<unresolved token>' : version,
      'a literal chart version such as "3.23.0" (no leading "v", no ranges: the pin must be exact)',
      'pass the exact chart version from the repository index',
    );
  }
}
