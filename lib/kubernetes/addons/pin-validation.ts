// Internal: validation shared by the `XxxVersion.of()` escape hatches.
import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../../errors';

const CHART_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** Throws unless the application version the chart ships is given (it names the images the rules read). */
export function requireAppVersion(construct: string, appVersion: string): void {
  if (appVersion === undefined || appVersion === null || (typeof appVersion === 'string' && appVersion.trim() === '')) {
    throw missingProp(construct, 'appVersion', "give the application version the chart version ships (its Chart.yaml appVersion)");
  }
}

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
