/** How Azure keeps copies of the state account's data; each keeps state through a zone or region outage. */
export enum StateReplication {
  /** Three copies in three availability zones of one region. */
  ZRS = 'ZRS',
  /** Three zones in the primary region and three copies in the paired region. */
  GZRS = 'GZRS',
  /** GZRS with read access to the paired region's copy. */
  RAGZRS = 'RAGZRS',
  /** Three copies in one datacenter and three in the paired region. */
  GRS = 'GRS',
  /** GRS with read access to the paired region's copy. */
  RAGRS = 'RAGRS',
}
