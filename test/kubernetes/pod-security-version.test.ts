import { PodSecurityVersion } from '../../lib';
import { HardenedK8sError } from '../../lib/errors';

describe('PodSecurityVersion', () => {
  test('supports v1.27 to v1.36, oldest first; the default is the newest', () => {
    expect(PodSecurityVersion.all().map((v) => v.label)).toEqual(['v1.27', 'v1.28', 'v1.29', 'v1.30', 'v1.31', 'v1.32', 'v1.33', 'v1.34', 'v1.35', 'v1.36']);
    expect(PodSecurityVersion.DEFAULT).toBe(PodSecurityVersion.V1_36);
    expect(PodSecurityVersion.V1_33.minor).toBe(33);
    expect(String(PodSecurityVersion.V1_33)).toBe('v1.33');
  });
  test('of() returns the member for "v1.NN" and "1.NN"', () => {
    expect(PodSecurityVersion.of('v1.33')).toBe(PodSecurityVersion.V1_33);
    expect(PodSecurityVersion.of('1.27')).toBe(PodSecurityVersion.V1_27);
  });
  test.each([
    ['latest', /"latest" is not pinned/],
    ['v1.26', /unsupported version "v1\.26".*v1\.27 to v1\.36/],
    ['v1.37', /unsupported version "v1\.37"/],
    ['v2.0', /not a Kubernetes minor version/],
    ['v1.33.2', /not a Kubernetes minor version/],
    ['', /not a Kubernetes minor version/],
  ])('of(%j) is refused', (version, message) => {
    expect(() => PodSecurityVersion.of(version)).toThrow(HardenedK8sError);
    expect(() => PodSecurityVersion.of(version)).toThrow(message);
  });
  test.each([null, undefined, 33])('of(%j) from JavaScript is refused with the fix', (version) => {
    expect(() => PodSecurityVersion.of(version as any)).toThrow(/PodSecurityVersion\.of: invalid version .*Fix: use a PodSecurityVersion member/);
  });
  test('isAtLeast compares minors', () => {
    expect(PodSecurityVersion.V1_34.isAtLeast(34)).toBe(true);
    expect(PodSecurityVersion.V1_33.isAtLeast(34)).toBe(false);
  });
});
