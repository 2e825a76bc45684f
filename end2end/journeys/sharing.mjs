// Tracked sharing: an ambassador shares a post to X (the intent opened
// carries her tracked link), someone follows the link, and her reach page
// shows one human click.
import { test, newPage, hydrated, expect, DESKTOP_CHROME } from '../harness.mjs';

const PASSWORD = 'portavoz-demo';

test('an ambassador shares to X, a visitor follows the link, her reach shows the click', async (ctx) => {
  const ana = await newPage(ctx.browser);
  ctx.pages.push(ana);
  // No internet here: answer for the networks and the post's site ourselves.
  const outside = (url) => !url.href.startsWith(ctx.url);
  const stub = (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>outside</title>' });
  await ana.context().route(outside, stub);
  await ana.goto(`${ctx.url}/sign-in`);
  await ana.fill('input[type=email]', 'ana@example.com');
  await ana.fill('input[type=password]', PASSWORD);
  await ana.click('main button[type=submit]');
  await ana.waitForURL(`${ctx.url}/`);
  await hydrated(ana);

  const humanClicks = async () => {
    await ana.goto(`${ctx.url}/reach`);
    return Number((await ana.textContent('[data-figure=human_clicks] .figure-value')).trim());
  };
  const before = await humanClicks();
  await ana.goto(`${ctx.url}/`);
  await hydrated(ana);

  // Click one: the post. Click two: share on X.
  await ana.locator('[data-testid=feed-card] a.post-card-cta').first().click();
  await ana.waitForSelector('[data-testid=share-panel] [data-testid=share-x]');
  await hydrated(ana);
  const caption = await ana.inputValue('[data-testid=share-text-x]');
  const sharesBefore = await ana.textContent('[data-testid=my-shares]');
  expect(caption.length > 0, 'a suggested caption is pre-selected');
  const [popup] = await Promise.all([
    ana.waitForEvent('popup'),
    ana.click('[data-testid=share-x]'),
  ]);
  await popup.waitForURL(/^https:\/\/x\.com\/intent\/tweet\?/);
  const intent = new URL(popup.url());
  const tracked = intent.searchParams.get('url');
  expect(tracked.startsWith(`${ctx.url}/s/`), `the intent carries the tracked link: ${tracked}`);
  expect(intent.searchParams.get('text').includes('#empleado'), 'the disclosure is appended');
  await popup.close();
  await ana.waitForFunction((prev) => document.querySelector('[data-testid=my-shares]')?.textContent !== prev, sharesBefore);

  // Someone on X follows the link: a real browser, so a human click.
  const visitor = await newPage(ctx.browser, { userAgent: DESKTOP_CHROME });
  ctx.pages.push(visitor);
  // (Playwright cannot stub the site a redirect leads to: read where it leads.)
  const [redirect] = await Promise.all([
    visitor.waitForResponse((r) => r.url() === tracked),
    visitor.goto(tracked).catch(() => {}),
  ]);
  expect(redirect.status() === 302, `the tracked link redirects: ${redirect.status()}`);
  const landed = new URL(redirect.headers()['location']);
  expect(landed.searchParams.get('utm_source') === 'x', `UTM on the landing page: ${landed}`);
  expect(landed.searchParams.get('utm_medium') === 'employee_advocacy', 'utm_medium');

  // Her reach page: the click is stored by the writer within moments.
  let clicks = before;
  for (let i = 0; i < 20 && clicks !== before + 1; i++) {
    if (i) await ana.waitForTimeout(250);
    clicks = await humanClicks();
  }
  expect(clicks === before + 1, `one more human click on the reach page: ${before} → ${clicks}`);
  expect(await ana.locator('.chart svg rect.chart-bar').count() === 30, 'a bar per day for 30 days');
  await ana.click('[data-figure=human_clicks] summary');
  expect(await ana.isVisible('[data-figure=human_clicks] .definition p'), 'the definition is one click away');
});
