// The gateway's declared exposure, written as a tag so a rule over the final configuration can tell a
// public frontend added by an override on a private gateway from one the gateway was built with.

/** Tag of a TlsIngressGateway: `public` (a public frontend IP) or `private` (private frontend only). */
export const FRONTEND_EXPOSURE_TAG = 'hardened-k8s-frontend';

export const PUBLIC_EXPOSURE = 'public';
export const PRIVATE_EXPOSURE = 'private';
