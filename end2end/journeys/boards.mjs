// Leaderboards: a manager opens their team's board and sees the people
// ranked with bars; an ambassador leaves every board from her own standing,
// and the manager no longer sees her, while she still sees her numbers.
import { test, newPage, hydrated, expect } from '../harness.mjs';

const PASSWORD = 'portavoz-demo';

async function signIn(ctx, email) {
  const page = await newPage(ctx.browser);
  ctx.pages.push(page);
  await page.goto(`${ctx.url}/sign-in`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${ctx.url}/`);
  await hydrated(page);
  return page;
}

async function boardNames(page) {
  return page.$$eval('[data-testid=board-row] strong:first-of-type', (els) => els.map((e) => e.textContent.trim()));
}

test('a manager opens the team board; an ambassador leaves every board and keeps her numbers', async (ctx) => {
  const manager = await signIn(ctx, 'manager@example.com');
  await manager.click('nav a[href="/leaderboard"]');
  await manager.waitForSelector('[data-testid=board-row]');
  // All time: the demo's sales team has people with points, drawn as bars.
  await manager.click('[data-testid=period-tabs] a[href$="period=all"]');
  await manager.waitForURL(/period=all/);
  await manager.waitForSelector('[data-testid=board-row] .bar > span');
  const before = await boardNames(manager);
  expect(before.includes('Ana García'), `Ana is on her team's board: ${before}`);
  const scope = await manager.$eval('[data-testid=board-scope]', (s) => s.selectedOptions[0].textContent);
  expect(/Ventas/.test(scope), `the manager's own team first: ${scope}`);

  const ana = await signIn(ctx, 'ana@example.com');
  await ana.goto(`${ctx.url}/leaderboard?period=all`);
  await hydrated(ana);
  const points = (await ana.textContent('[data-testid=my-points]')).trim();
  expect(/^\d+/.test(points) && !points.startsWith('0'), `her points: ${points}`);
  expect(/(Puesto|Rank) \d+/.test(await ana.textContent('[data-testid=my-rank]')), 'her rank is shown');
  await ana.click('[data-testid=opt-out]');
  await ana.waitForFunction(() => /(No formas parte|elegido no aparecer|chose not to appear)/.test(
    document.querySelector('[data-testid=my-rank]')?.textContent ?? ''));
  expect((await ana.textContent('[data-testid=my-points]')).trim() === points, 'she keeps her numbers');

  await manager.reload();
  await hydrated(manager);
  await manager.waitForSelector('[data-testid=board-row]');
  const after = await boardNames(manager);
  expect(!after.includes('Ana García'), `Ana is off the board: ${after}`);

  // She comes back (the journeys share one database).
  await ana.click('[data-testid=opt-out]');
  await ana.waitForFunction(() => /(Puesto|Rank) \d+/.test(document.querySelector('[data-testid=my-rank]')?.textContent ?? ''));
});
