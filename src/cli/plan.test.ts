import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { twoSiteShop } from '../planner/testing/fixtures';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-'));

async function plan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/plan.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('npm run plan', () => {
  it('solves a scenario, prints the summary and writes the plan', async () => {
    const out = join(dir, 'plan.json');
    const lp = join(dir, 'model.lp');
    const result = await plan(file('shop.json', twoSiteShop()), '--out', out, '--lp', lp);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Two-site shop: optimal');
    expect(result.stdout).toMatch(/Total\s+\$1,238\.14\s+\$742\.26/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.plan.layout.servers).toEqual({ web: { aws: 2 }, db: { aws: 2 } });
    expect(written.plan.evaluation.cost.total).toBeCloseTo(742.26, 6);
    expect(written.baselines.statusQuo.evaluation.cost.total).toBeCloseTo(1238.14, 6);
    expect(readFileSync(lp, 'utf8')).toContain('h#db#aws');
  });

  it('rejects a broken file with exit code 2 and a message naming the bad path', async () => {
    const doc = twoSiteShop();
    doc.applications[0].components[1].servers = -3;
    const result = await plan(file('broken.json', doc));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('applications[0].components[1].servers must be a whole number ≥ 1, got -3');
  });

  it('rejects a file that is not JSON with the line and column', async () => {
    const result = await plan(file('syntax.json', '{\n "formatVersion": 1,\n oops\n}'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON at line 3, column 2/);
  });

  it('says so when the file cannot be read', async () => {
    const result = await plan(join(dir, 'missing.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.json: cannot read the file (ENOENT)');
  });

  it('exits 3 with the reason when no placement is feasible', async () => {
    const doc = twoSiteShop();
    for (const c of doc.applications[0].components) c.allowedSites = ['dc'];
    const result = await plan(file('infeasible.json', doc));
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('add 1 servers at "dc"');
  });

  it('rejects a bad option value', async () => {
    const result = await plan(file('ok.json', twoSiteShop()), '--gap', '5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--gap must be a fraction from 0 to below 1');
  });

  it('writes the report as a self-contained HTML page with --report FILE.html', async () => {
    const out = join(dir, 'report.html');
    const result = await plan(file('shop-report.json', twoSiteShop()), '--report', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`report written to ${out}`);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`);
    expect(page).not.toMatch(/<script|https?:\/\//i);
    expect(Number(/data-testid="report-plan-total" data-value="([^"]+)"/.exec(page)![1])).toBeCloseTo(742.26, 6);
    expect(Number(/data-testid="report-status-quo-total" data-value="([^"]+)"/.exec(page)![1])).toBeCloseTo(1238.14, 6);
    expect(page).toContain('>$495.88<');
  });

  it('writes Markdown with --report FILE.md and JSON with --report FILE.json', async () => {
    const doc = twoSiteShop();
    const md = join(dir, 'report.md');
    const json = join(dir, 'report.json');
    const [a, b] = await Promise.all([plan(file('shop-md.json', doc), '--report', md), plan(file('shop-json.json', doc), '--report', json)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const markdown = readFileSync(md, 'utf8');
    expect(markdown).toContain('# Tierwise planning report: Two-site shop');
    expect(markdown).toContain('| Recommended plan | **$742.26** |');
    const written = JSON.parse(readFileSync(json, 'utf8'));
    expect(written.tierwiseReport).toBe(1);
    expect(written.scenario).toEqual(doc);
    expect(written.plan.evaluation.cost.total).toBeCloseTo(742.26, 6);
    expect(written.baselines.statusQuo.evaluation.cost.total).toBeCloseTo(1238.14, 6);
    expect(written.tradeoff).toBeNull();
  });

  it('writes three CSV files with --report FILE.csv', async () => {
    const out = join(dir, 'shop.csv');
    const result = await plan(file('shop-csv.json', twoSiteShop()), '--report', out);
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(false);
    const costs = readFileSync(join(dir, 'shop-costs.csv'), 'utf8');
    expect(costs.split('\r\n')[1]).toMatch(/^plan,Recommended plan,plan,584,40,118\.26,0,0,118\.26,0,742\.26,495\.88,/);
    expect(readFileSync(join(dir, 'shop-layout.csv'), 'utf8')).toContain('\r\nrecommended,shop,Shop,db,DB,std,2,dc,Data centre,aws,AWS,2,moved\r\n');
    expect(readFileSync(join(dir, 'shop-delays.csv'), 'utf8')).toMatch(/\r\nrecommended,shop,Shop,buy,Buy,eu,Europe,10,/);
  });

  it('writes the report also when no layout is feasible, and still exits 3', async () => {
    const doc = twoSiteShop();
    for (const c of doc.applications[0].components) c.allowedSites = ['dc'];
    const out = join(dir, 'infeasible.html');
    const result = await plan(file('infeasible-report.json', doc), '--report', out);
    expect(result.code).toBe(3);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('No layout is recommended.');
    expect(page).toContain('add 1 servers at &quot;dc&quot;');
  });

  it('rejects a report file name whose extension picks no format, before solving', async () => {
    const result = await plan(file('ok-report.json', twoSiteShop()), '--report', join(dir, 'report.pdf'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--report must be a file name ending in .html, .md, .json or .csv, got');
    expect(result.stdout).not.toContain('optimal');
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false);
  });
});
