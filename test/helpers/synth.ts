import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Compliance, IRulePack } from '../../lib';

export interface SynthResult {
  readonly outdir: string;
  /** The parsed compliance.json of a stack. */
  report(stack: string): any;
  /** The compliance.md of a stack. */
  markdown(stack: string): string;
  /** The parsed cdk.tf.json of a stack. */
  terraform(stack: string): any;
}

/** A fresh app writing to its own temp dir. */
export function testApp(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-')), stackTraces: false });
}

/** Applies the packs (quietly) and synthesizes the app, returning readers for its output. */
export function synthWithPacks(app: App, packs: IRulePack[]): SynthResult {
  const compliance = Compliance.of(app, { printSummary: false });
  packs.forEach((p) => compliance.apply(p));
  app.synth();
  const read = (stack: string, file: string) => fs.readFileSync(path.join(app.outdir, 'stacks', stack, file), 'utf-8');
  return {
    outdir: app.outdir,
    report: (stack) => JSON.parse(read(stack, 'compliance.json')),
    markdown: (stack) => read(stack, 'compliance.md'),
    terraform: (stack) => JSON.parse(read(stack, 'cdk.tf.json')),
  };
}


/** Findings of one rule in a stack report. */
export function findingsOf(result: SynthResult, stack: string, ruleId: string): any[] {
  return result.report(stack).findings.filter((f: any) => f.ruleId === ruleId);
}

/** A stack with the azurerm provider configured. */
export function azureStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/**
 * Applies the packs (quietly), synthesizes, and returns every finding of the app report, blocked or not:
 * one synth judges every variant of a test app.
 */
export function appFindings(app: App, packs: IRulePack[]): any[] {
  const compliance = Compliance.of(app, { printSummary: false });
  packs.forEach((p) => compliance.apply(p));
  try {
    app.synth();
  } catch (e) {
    if (!/Compliance: synth blocked/.test((e as Error).message)) {
      throw e;
    }
  }
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'compliance.json'), 'utf-8')).findings;
}
