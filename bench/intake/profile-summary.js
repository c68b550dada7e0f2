'use strict';
/**
 * Summarises a V8 .cpuprofile written by `npm run bench:intake -- --cpu-prof`: where the server's
 * CPU time went during the load (the first `--skip` seconds, start-up and migrations, are left out),
 * as self time per area (a package in node_modules, a Kontakt library, Node internals, GC, idle)
 * and the functions with the most self time, plus inclusive time for a few areas of interest.
 *
 *   node bench/intake/profile-summary.js bench/results/profiles/CPU.….cpuprofile [--skip 3] [--top 25]
 */
const fs = require('node:fs');

function areaOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  const kontakt = url.match(/dist\/(libs\/[^/]+(?:\/[^/]+)?|apps\/[^/]+)\/src/);
  if (kontakt) return `kontakt ${kontakt[1].replace(/^libs\/channels\//, 'channels/').replace(/^libs\//, '')}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/')[0]}`;
  return url;
}

function summarise(file, { skipSeconds = 3, top = 25 } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

  const self = new Map();
  const inclusiveArea = new Map();
  const byFunction = new Map();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t - profile.startTime < skipSeconds * 1e6) continue;
    const node = nodes.get(profile.samples[i]);
    const { url, functionName, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    total += dt;
    self.set(area, (self.get(area) ?? 0) + dt);
    const key = `${functionName || '(anonymous)'} ${area}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const frame = nodes.get(id).callFrame;
      const a = areaOf(frame.url, frame.functionName);
      if (!seen.has(a)) inclusiveArea.set(a, (inclusiveArea.get(a) ?? 0) + dt);
      seen.add(a);
    }
  }
  const busy = total - (self.get('(idle)') ?? 0);
  const share = (us, of) => `${((100 * us) / of).toFixed(1).padStart(5)}%`;
  const rows = (map, of, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${share(us, of)}  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${k}`);
  const withoutIdle = new Map([...self].filter(([k]) => k !== '(idle)'));
  return [
    `${file}: ${(total / 1e6).toFixed(1)} s sampled after the first ${skipSeconds} s, ${share(busy, total).trim()} busy`,
    'self time by area (share of busy time):',
    ...rows(withoutIdle, busy, 20),
    'inclusive time by area (share of busy time; an area counts once per stack):',
    ...rows(new Map([...inclusiveArea].filter(([k]) => k !== '(idle)' && k !== '(root)')), busy, 20),
    `top ${top} functions by self time:`,
    ...rows(new Map([...byFunction].filter(([k]) => !k.startsWith('(idle)'))), busy, top),
  ].join('\n');
}

if (require.main === module) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/intake/profile-summary.js <file.cpuprofile> [--skip seconds] [--top n]');
  const flag = (name, fallback) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
  process.stdout.write(`${summarise(file, { skipSeconds: flag('--skip', 3), top: flag('--top', 25) })}\n`);
}

module.exports = { summarise };
