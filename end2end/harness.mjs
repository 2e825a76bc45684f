// Starts the real Portavoz binary on a free port with a fresh demo database,
// drives Debian's Chromium with playwright-core, and reports like a test runner.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
export const RESULTS = join(ROOT, 'end2end', 'test-results');

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

function serverBinary() {
  const profile = process.env.PORTAVOZ_E2E_PROFILE ?? 'debug';
  const bin = process.env.PORTAVOZ_BIN ?? join(ROOT, 'target', profile, 'portavoz');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`cargo leptos build\` first.`);
  return bin;
}

/** Starts a server with demo data; resolves once it prints its address. */
export async function startServer(extraEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'portavoz-e2e-'));
  const child = spawn(serverBinary(), [], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${dir}/e2e.db`,
      LEPTOS_SITE_ADDR: '127.0.0.1:0',
      LEPTOS_SITE_ROOT: join(ROOT, 'target', 'site'),
      PORTAVOZ_DEMO: '1',
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (chunk) => {
      log += chunk;
      const m = log.match(/Portavoz is running at (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => { log += c; });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited with ${code}:\n${log}`)); });
  });
  return {
    url,
    async stop() {
      const exited = new Promise((ok) => child.once('exit', (code) => ok(code)));
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page whose console errors and failed requests fail the test. */
// Headless Chromium says "HeadlessChrome", which the redirect rightly counts
// as a bot: pages that stand for people say what a desktop Chrome says.
export const DESKTOP_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export async function newPage(browser, { viewport = { width: 1280, height: 800 }, locale = 'es-ES', userAgent } = {}) {
  const context = await browser.newContext({ viewport, locale, ...(userAgent ? { userAgent } : {}) });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  return page;
}

/** Waits until the WebAssembly has hydrated the page. */
export async function hydrated(page) {
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
}

export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const tests = [];
export function test(name, fn) { tests.push({ name, fn }); }

export async function run() {
  mkdirSync(RESULTS, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  let failed = 0;
  for (const { name, fn } of tests) {
    const started = Date.now();
    const ctx = { url: server.url, browser, pages: [] };
    try {
      await fn(ctx);
      const problems = ctx.pages.flatMap((p) => p.problems ?? []);
      if (problems.length) throw new Error(`browser reported:\n  ${problems.join('\n  ')}`);
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split('\n').join('\n     ')}`);
      for (const [i, p] of ctx.pages.entries()) {
        const file = join(RESULTS, `${name.replace(/\W+/g, '-')}-${i}.png`);
        await p.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.log(`     screenshot: ${file}`);
      }
    }
  }
  await browser.close();
  const code = await server.stop();
  if (code !== 0) { console.log(`FAIL server exited with ${code} on SIGTERM`); failed++; }
  console.log(`\n${tests.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
