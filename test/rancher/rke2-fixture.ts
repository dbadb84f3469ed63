import { Testing } from 'cdktf';
import { HardenedRke2ClusterProps } from '../../lib';
import { defaultCluster } from './rke2-helpers';

/** The synthesized JSON of a HardenedRke2Cluster: the cluster and its machine configs, ready for rule tests. */
export interface Rke2Fixture {
  readonly cluster: any;
  readonly others: Record<string, Record<string, any>>;
}

export function rke2Fixture(overrides: Partial<HardenedRke2ClusterProps> = {}): Rke2Fixture {
  const { stack } = defaultCluster(Testing.app(), overrides);
  const tf = JSON.parse(Testing.synth(stack));
  const clusters = Object.values<any>(tf.resource.rancher2_cluster_v2);
  return {
    cluster: clusters[0],
    others: {
      rancher2_machine_config_v2: tf.resource.rancher2_machine_config_v2,
      rancher2_cloud_credential: tf.resource.rancher2_cloud_credential,
    },
  };
}

/** A deep copy of the fixture with machine_global_config changed by `change`. */
export function withGlobal(fixture: Rke2Fixture, change: (config: any) => void): any {
  const cluster = JSON.parse(JSON.stringify(fixture.cluster));
  const config = JSON.parse(cluster.rke_config.machine_global_config);
  change(config);
  cluster.rke_config.machine_global_config = JSON.stringify(config);
  return cluster;
}

/** A deep copy of the cluster with an rke_config field set. */
export function withRkeConfig(fixture: Rke2Fixture, key: string, value: any): any {
  const cluster = JSON.parse(JSON.stringify(fixture.cluster));
  cluster.rke_config[key] = value;
  return cluster;
}

/** The machine configs with the cloud-config of every one changed by `change`. */
export function withCloudInit(fixture: Rke2Fixture, change: (cloudConfig: any, generateName: string) => void): Record<string, Record<string, any>> {
  const machines = JSON.parse(JSON.stringify(fixture.others.rancher2_machine_config_v2));
  for (const machine of Object.values<any>(machines)) {
    const text: string = machine.azure_config.custom_data;
    const doc = JSON.parse(text.slice('#cloud-config'.length));
    change(doc, machine.generate_name);
    machine.azure_config.custom_data = '#cloud-config\n' + JSON.stringify(doc);
  }
  return { ...fixture.others, rancher2_machine_config_v2: machines };
}

/** Replace a file's content in a cloud-config. */
export function rewriteFile(cloudConfig: any, path: string, change: (content: any) => any): void {
  const file = (cloudConfig.write_files ?? []).find((f: any) => f.path === path);
  if (file) {
    file.content = JSON.stringify(change(JSON.parse(file.content)));
  }
}
