// Internal: validates a MeshRateLimit and renders it as an EnvoyFilter adding Envoy's local rate limit filter.
import { Token } from 'cdktf';
import { missingProp } from '../../../errors';
import { validateIntegerRange } from '../../../validation';
import { MeshRateLimit } from './mesh-rate-limit';
import { meshRuleConstruct } from './mesh-namespaces';
import { TrafficRendering } from './traffic-objects';
import { matchLabels, validPort } from './traffic-validation';

/** Envoy's local rate limit filter and its config type (envoy.extensions.filters.http.local_ratelimit.v3). */
export const LOCAL_RATE_LIMIT_FILTER = 'envoy.filters.http.local_ratelimit';
export const LOCAL_RATE_LIMIT_TYPE = 'type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit';

/** Every request is counted and every excess request refused (100% of requests). */
const ALL_REQUESTS = { numerator: 100, denominator: 'HUNDRED' };

/** The EnvoyFilter of one rate limit; `covered` are the namespaces in the mesh. */
export function renderRateLimit(limit: MeshRateLimit, covered: Set<string>): TrafficRendering {
  const construct = meshRuleConstruct('MeshRateLimit', limit, 'name, namespace, workloadLabels, requestsPerInterval', covered);
  const labels = matchLabels(construct, 'workloadLabels', limit.workloadLabels, true);
  if (limit.requestsPerInterval === undefined || limit.requestsPerInterval === null) {
    throw missingProp(construct, 'requestsPerInterval', 'give the requests each pod accepts per interval, e.g. 100');
  }
  const fix = 'allow at least 1 request per interval: a limit of 0 refuses every request (to block a path, use an AuthorizationPolicy DENY)';
  validateIntegerRange(construct, 'requestsPerInterval', limit.requestsPerInterval, 1, 4_294_967_295, fix);
  const interval = limit.intervalSeconds ?? 60;
  validateIntegerRange(construct, 'intervalSeconds', interval, 1, 86_400, 'use an interval from 1 second to 1 day');
  const burst = limit.burst ?? limit.requestsPerInterval;
  validateIntegerRange(construct, 'burst', burst, Token.isUnresolved(limit.requestsPerInterval) ? 1 : limit.requestsPerInterval, 4_294_967_295, 'make the burst at least requestsPerInterval');
  const port = limit.port === undefined ? undefined : validPort(construct, 'port', limit.port);
  const name = `ratelimit-${limit.name}`;
  return {
    objects: [
      {
        id: `${limit.namespace}-${name}`,
        manifest: {
          apiVersion: 'networking.istio.io/v1alpha3',
          kind: 'EnvoyFilter',
          metadata: { name, namespace: limit.namespace },
          spec: {
            workloadSelector: { labels },
            configPatches: [
              {
                applyTo: 'HTTP_FILTER',
                match: {
                  context: 'SIDECAR_INBOUND',
                  listener: {
                    ...(port !== undefined ? { portNumber: port } : {}),
                    filterChain: { filter: { name: 'envoy.filters.network.http_connection_manager', subFilter: { name: 'envoy.filters.http.router' } } },
                  },
                },
                patch: {
                  operation: 'INSERT_BEFORE',
                  value: {
                    name: LOCAL_RATE_LIMIT_FILTER,
                    typed_config: {
                      '@type': LOCAL_RATE_LIMIT_TYPE,
                      stat_prefix: 'http_local_rate_limiter',
                      token_bucket: { max_tokens: burst, tokens_per_fill: limit.requestsPerInterval, fill_interval: `${interval}s` },
                      filter_enabled: { runtime_key: 'local_rate_limit_enabled', default_value: ALL_REQUESTS },
                      filter_enforced: { runtime_key: 'local_rate_limit_enforced', default_value: ALL_REQUESTS },
                      response_headers_to_add: [{ append_action: 'OVERWRITE_IF_EXISTS_OR_ADD', header: { key: 'x-local-rate-limit', value: 'true' } }],
                    },
                  },
                },
              },
            ],
          },
        },
      },
    ],
    policies: [],
    sidecarHosts: [],
    gatewaySubsets: [],
    gatewayEgress: [],
  };
}
