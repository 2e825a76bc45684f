// Analytics: a manager opens the page from the menu and sees their teams'
// charts (drawn on the server, so present before hydration), switches to one
// team and the quarter, and can download each table; an ambassador has no
// menu entry and is refused at the URL.
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

test('a manager sees the analytics charts of their teams; an ambassador cannot', async (ctx) => {
  const manager = await signIn(ctx, 'manager@example.com');
  await manager.click('nav a[href="/analytics"]');
  await manager.waitForSelector('[data-testid=analytics-charts] [data-chart=human_clicks] svg');

  // The charts come in the server's HTML, before any script runs.
  const html = await (await manager.request.get(`${ctx.url}/analytics?period=quarter`)).text();
  expect(/data-chart="human_clicks"[\s\S]*?<svg[\s\S]*?<rect/.test(html), 'the server draws the bars');

  // The quarter of one team: the demo's sales team has clicks, drawn as bars.
  await manager.click('[data-testid=period-tabs] a[href$="period=quarter"]');
  await manager.waitForURL(/period=quarter/);
  const ventas = await manager.$eval('[data-testid=analytics-scope]',
    (s) => [...s.options].find((o) => /Ventas/.test(o.textContent))?.value);
  expect(/^team-\d+$/.test(ventas ?? ''), `Ventas is offered: ${ventas}`);
  await manager.selectOption('[data-testid=analytics-scope]', ventas);
  await manager.click('[data-testid=scope-picker] button[type=submit]');
  await manager.waitForURL(/scope=team-\d+/);
  await manager.waitForURL(/period=quarter/);
  await manager.waitForSelector('[data-chart=human_clicks] rect.chart-bar');
  const bars = await manager.$$eval('[data-chart=human_clicks] rect.chart-bar', (r) => r.length);
  expect(bars > 0, `bars on the human clicks chart: ${bars}`);
  const clicks = await manager.textContent('[data-figure=human_clicks] .figure-value');
  // Written per language (1.234 or 1,234): the digits are the number.
  expect(Number(clicks.replace(/\D/g, '')) > 0, `the team's human clicks: ${clicks}`);
  const rate = await manager.textContent('[data-figure=participation] .figure-value');
  expect(/^\d+%$/.test(rate.trim()), `participation: ${rate}`);
  await manager.waitForSelector('[data-testid=networks] svg rect');
  const csv = await manager.getAttribute('[data-testid=csv-posts]', 'href');
  const res = await manager.request.get(`${ctx.url}${csv}`);
  expect(res.status() === 200, `the posts CSV downloads: ${res.status()}`);
  expect((await res.text()).startsWith('post,shares,human_clicks'), 'with its header');

  const ana = await signIn(ctx, 'ana@example.com');
  expect(await ana.$('nav a[href="/analytics"]') === null, 'no menu entry for an ambassador');
  // Asked with her session, outside the page (a refused page load is a console error).
  const refused = await ana.request.get(`${ctx.url}/analytics`);
  expect(refused.status() === 403, `an ambassador is refused: ${refused.status()}`);
});
