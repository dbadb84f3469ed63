import { Token } from 'cdktf';
import { invalidProp } from '../../errors';

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Groups of the auth providers: `<provider>_group://` (GitHub: teams and organisations).
const GROUP_PRINCIPAL = /^([a-z][a-z0-9]*)_(group|team|org):\/\/(\S+)$/;

/**
 * A group of people in Rancher's auth provider, bound to roles as a whole: access follows membership in the
 * directory, and leavers lose it there. Individual users are not accepted (owners and members are groups).
 */
export class RancherGroup {
  /** An Entra ID (Azure AD) group by object id, as Rancher's Azure AD provider names it (`azuread_group://<object id>`). */
  public static entraId(objectId: string): RancherGroup {
    if (typeof objectId !== 'string' || Token.isUnresolved(objectId) || !OBJECT_ID.test(objectId)) {
      throw invalidProp('RancherGroup.entraId', 'objectId', objectId, 'the literal object id (a GUID) of an Entra ID group', 'copy the group\'s Object ID from Entra ID, e.g. "00000000-0000-0000-0000-00000000a0a0"');
    }
    return new RancherGroup(`azuread_group://${objectId.toLowerCase()}`);
  }

  /**
   * A group principal of any Rancher auth provider as Rancher lists it, `<provider>_group://<id>` (GitHub:
   * `github_team://<id>`, `github_org://<id>`), e.g. `openldap_group://cn=platform,ou=groups,dc=example,dc=com`.
   */
  public static principal(principalId: string): RancherGroup {
    const match = typeof principalId === 'string' && !Token.isUnresolved(principalId) ? GROUP_PRINCIPAL.exec(principalId) : null;
    if (!match) {
      const user = typeof principalId === 'string' && /_user:\/\//.test(principalId);
      throw invalidProp(
        'RancherGroup.principal',
        'principalId',
        principalId,
        'a literal group principal "<provider>_group://<id>" (GitHub: _team:// or _org://), as Rancher lists it under Users & Authentication > Groups',
        user ? 'bind a group the user belongs to, not the user: access then follows group membership' : 'copy the principal id of the group, e.g. "openldap_group://cn=platform,ou=groups,dc=example,dc=com"',
      );
    }
    if (match[1] === 'azuread') {
      if (match[2] !== 'group') {
        throw invalidProp('RancherGroup.principal', 'principalId', principalId, 'azuread_group://<object id> (Entra ID has groups only)', 'use RancherGroup.entraId(objectId)');
      }
      return RancherGroup.entraId(match[3]);
    }
    return new RancherGroup(principalId);
  }

  private constructor(
    /** The group principal id (`group_principal_id`). */
    public readonly principalId: string,
  ) {}
}
