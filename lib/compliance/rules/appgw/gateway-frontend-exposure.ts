import { FRONTEND_EXPOSURE_TAG, PRIVATE_EXPOSURE, PUBLIC_EXPOSURE } from '../../../azure/appgw/frontend-exposure';
import { check, compliant, defineRule, literalList, nonCompliant, notApplicable } from '../../define-rule';
import { RuleSeverity } from '../../types';

/**
 * A gateway built private (TlsIngressGateway `publicFrontend: false`) has no public frontend in its final
 * configuration: an override that adds one would put the private applications behind it on the Internet.
 */
export const gatewayFrontendExposure = defineRule(
  {
    id: 'appgw-frontend-exposure',
    title: 'An Application Gateway built private has no public frontend IP',
    severity: RuleSeverity.ERROR,
    remediation:
      'Remove the public frontend_ip_configuration added by an override, or build the gateway with TlsIngressGateway publicFrontend: true if it is meant to face the Internet.',
    remediationTargets: ['TlsIngressGatewayProps.publicFrontend'],
    cisControls: [],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: `TlsIngressGateway: tag ${FRONTEND_EXPOSURE_TAG} = public (publicFrontend, the default) or private, matching its frontends`,
  },
  (r) => {
    const exposure = r.get(`tags.${FRONTEND_EXPOSURE_TAG}`);
    if (exposure === undefined || exposure === null) {
      return notApplicable(`no ${FRONTEND_EXPOSURE_TAG} tag (a gateway not built by TlsIngressGateway)`);
    }
    if (exposure === PUBLIC_EXPOSURE) {
      return compliant('built with a public frontend; the TLS and WAF rules judge what it serves');
    }
    if (exposure !== PRIVATE_EXPOSURE) {
      return nonCompliant(`tag ${FRONTEND_EXPOSURE_TAG} is ${JSON.stringify(exposure)}; allowed: "${PUBLIC_EXPOSURE}" or "${PRIVATE_EXPOSURE}"`);
    }
    const publicFrontends = literalList(r, 'frontend_ip_configuration').filter((f) => f.public_ip_address_id !== undefined && f.public_ip_address_id !== null && f.public_ip_address_id !== '');
    return check(publicFrontends.length === 0, `public frontend(s) on a gateway built private: ${publicFrontends.map((f) => f.name).join(', ')}`);
  },
);
