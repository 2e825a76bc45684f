// The content library: an editor writes a targeted post with captions, an
// approver approves it, the targeted ambassador sees it and another does not;
// crisis mode pauses sharing everywhere and is switched off again.
import { test, newPage, hydrated, expect } from '../harness.mjs';

const PASSWORD = 'portavoz-demo';

async function signedIn(ctx, email, options) {
  const page = await newPage(ctx.browser, options);
  ctx.pages.push(page);
  await page.goto(`${ctx.url}/sign-in`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${ctx.url}/`);
  return page;
}

async function feedTitles(page, url) {
  await page.goto(`${url}/`);
  await hydrated(page);
  return page.$$eval('[data-testid=feed-card]', (cards) => cards.map((c) => c.dataset.title));
}

test('an editor writes a post for Ventas, an approver approves it, only Ventas sees it', async (ctx) => {
  const title = `Nuevo catálogo de primavera ${Date.now()}`;
  const editor = await signedIn(ctx, 'editor@example.com');
  await editor.goto(`${ctx.url}/studio/new`);
  await hydrated(editor);
  await editor.fill('[data-testid=post-title]', title);
  await editor.fill('[data-testid=post-link]', 'https://example.com/catalogo?src=web#novedades');
  await editor.fill('[data-testid=post-body]', 'Todo lo **nuevo** de la temporada.');
  await editor.fill('[data-testid=post-topics]', 'Producto, Primavera');

  // X counts the link as 23 characters and the disclosure: the counter says so as one types.
  await editor.click('[data-testid=add-caption-x]');
  const x = editor.locator('[data-testid=caption-x]').last();
  await x.fill('a'.repeat(300));
  await editor.waitForSelector('.caption-network[data-network=x] .counter-over');
  await x.fill('Ya está aquí nuestro catálogo de primavera 🌸');
  await editor.waitForSelector('.caption-network[data-network=x] .counter-over', { state: 'detached' });
  await editor.click('[data-testid=add-caption-linkedin]');
  await editor.locator('[data-testid=caption-linkedin]').last().fill('Orgulloso del equipo que ha preparado este catálogo.');
  await editor.check('[data-testid="target-team-Ventas"]');
  const preview = await editor.textContent('[data-testid=ambassador-preview]');
  expect(preview.includes(title), 'the preview shows the post as ambassadors will');

  await editor.click('[data-testid=post-save]');
  await editor.waitForURL(/\/studio\/posts\/\d+$/);
  const postUrl = editor.url();
  const id = postUrl.match(/(\d+)$/)[1];
  await hydrated(editor);
  await editor.click('[data-testid=step-submit]');
  await editor.waitForSelector('[data-testid=post-phase].badge-phase-in_review');
  expect(await editor.locator('[data-testid=step-approve]').count() === 0, 'the author cannot approve');

  const approver = await signedIn(ctx, 'approver@example.com');
  await approver.goto(postUrl);
  await hydrated(approver);
  await approver.click('[data-testid=step-approve]');
  await approver.waitForSelector('[data-testid=post-phase].badge-phase-live');
  const history = await approver.textContent('[data-testid=history]');
  expect(history.includes('Pablo Herrera') && history.includes('Aprobada'), `the trail records who approved: ${history}`);

  const ana = await signedIn(ctx, 'ana@example.com');
  expect((await feedTitles(ana, ctx.url)).includes(title), 'Ana (Ventas) sees it in her feed');
  await ana.click(`[data-testid=feed-card][data-title="${title}"] a.post-card-cta`);
  await ana.waitForURL(`${ctx.url}/posts/${id}`);
  await ana.waitForSelector('[data-testid=post-page]');
  const caption = await ana.inputValue('[data-testid=share-text-x]');
  expect(caption.includes('catálogo de primavera'), `the suggested caption is ready to share: ${caption}`);

  const luis = await signedIn(ctx, 'luis@example.com', { locale: 'en-GB' });
  expect(!(await feedTitles(luis, ctx.url)).includes(title), 'Luis (Ingeniería) does not see it');
  const direct = await luis.goto(`${ctx.url}/posts/${id}`);
  expect(direct.status() === 404, `nor by direct URL: ${direct.status()}`);
  expect(!(await luis.content()).includes(title), 'the page does not leak the title');
  luis.problems = []; // the browser logs the expected 404
});

test('crisis mode pauses sharing for everyone and is switched off again', async (ctx) => {
  const admin = await signedIn(ctx, 'admin@example.com');
  await admin.goto(`${ctx.url}/crisis`);
  await hydrated(admin);
  await admin.fill('[data-testid=crisis-message]', 'Pausamos las publicaciones mientras revisamos una incidencia.');
  await admin.fill('[data-testid=crisis-procedure]', 'No compartas nada hasta nuevo aviso.\nDirige las preguntas a prensa@example.com.');
  await admin.click('[data-testid=crisis-on-button]');
  await admin.waitForSelector('[data-testid=crisis-on]');

  const ana = await signedIn(ctx, 'ana@example.com');
  await ana.waitForSelector('[data-testid=crisis-banner]');
  expect((await ana.textContent('[data-testid=crisis-banner]')).includes('revisamos una incidencia'), 'the banner carries the message');
  await ana.waitForSelector('[data-testid=feed-paused]');
  // Posts can still be read, but not shared.
  await ana.locator('[data-testid=feed-card] a.post-card-cta').first().click();
  await ana.waitForSelector('[data-testid=share-paused]');
  expect(await ana.locator('[data-testid=share-x]').count() === 0, 'no share button while paused');

  await admin.click('[data-testid=crisis-off]');
  await admin.waitForSelector('[data-testid=crisis-message]');
  await ana.goto(`${ctx.url}/`);
  await hydrated(ana);
  expect(await ana.locator('[data-testid=crisis-banner]').count() === 0, 'the banner is gone');
  expect(await ana.locator('[data-testid=feed-card]').count() > 0, 'the feed is back');
});
