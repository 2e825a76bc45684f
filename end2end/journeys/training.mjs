// Training: an ambassador finds a post she cannot share yet, takes the demo
// "Social media policy" course, fails a quiz once, passes, gets her
// certificate (which anyone can verify), and the post becomes shareable.
import { test, newPage, hydrated, expect } from '../harness.mjs';

const PASSWORD = 'portavoz-demo';

// The demo course's right answers, by option text. Ana may be reading in
// either language (another journey switches it), so both are here.
const RIGHT = new Set([
  'Because people trust what a person says more than what a brand says',
  "This quarter's sales figures before they are announced",
  'A photo of a colleague you did not ask first',
  'Share it as it is, with one of the approved captions',
  "Don't argue, and pass it to the comms team with a link to the comment",
  'The number of clicks your link gets',
  'Unique visitors, counted with an anonymous code that changes every day',
  'Two or three a week, mixed with your own content',
  'False',
  'Porque la gente confía más en lo que cuenta una persona que en lo que dice una marca',
  'Las cifras de ventas del trimestre antes de que se anuncien',
  'Una foto de un compañero sin haberle preguntado',
  'La comparto tal cual, con uno de los textos aprobados',
  'No discuto y se lo paso al equipo de comunicación con el enlace al comentario',
  'El número de clics que recibe tu enlace',
  'Los visitantes distintos, con un código anónimo que cambia cada día',
  'Dos o tres a la semana, mezcladas con contenido tuyo',
  'Falso',
]);

async function answer(page, right) {
  const questions = page.locator('[data-testid=question]');
  const n = await questions.count();
  expect(n > 0, 'the quiz has questions');
  for (let q = 0; q < n; q++) {
    const options = questions.nth(q).locator('label.option');
    const m = await options.count();
    for (let o = 0; o < m; o++) {
      const text = (await options.nth(o).locator('span').first().textContent()).trim();
      if (right ? RIGHT.has(text) : o === 0) await options.nth(o).locator('input').check();
    }
  }
  await page.click('[data-testid=quiz-submit]');
  await page.waitForSelector('[data-testid=quiz-outcome]');
  return (await page.getAttribute('[data-testid=quiz-outcome]', 'data-passed')) === 'true';
}

test('an ambassador takes the course, fails a quiz once, passes, and can then share the gated post', async (ctx) => {
  const ana = await newPage(ctx.browser);
  ctx.pages.push(ana);
  await ana.goto(`${ctx.url}/sign-in`);
  await ana.fill('input[type=email]', 'ana@example.com');
  await ana.fill('input[type=password]', PASSWORD);
  await ana.click('main button[type=submit]');
  await ana.waitForURL(`${ctx.url}/`);
  await hydrated(ana);

  // The gated post: visible, but the share panel points to the course instead.
  await ana.locator('[data-testid=feed-card]', { hasText: 'Plan Negocio' }).locator('a.post-card-cta').click();
  await ana.waitForSelector('[data-testid=share-gate]');
  const gate = await ana.textContent('[data-testid=share-gate]');
  const COURSE = /Política de redes sociales|Social media policy/;
  expect(COURSE.test(gate) && gate.includes('15 min'), `the way to the course: ${gate}`);
  expect(await ana.locator('[data-testid=share-x]').count() === 0, 'no share buttons before the course');
  await ana.click('[data-testid=share-gate] a');
  await ana.waitForSelector('[data-testid=course-continue]');
  await hydrated(ana);
  expect(/0 (de|of) 9/.test(await ana.textContent('[data-testid=course-progress] + small')), 'nothing done yet');
  await ana.click('[data-testid=course-continue]');

  // Lessons in order, then the quizzes; the first quiz failed once on purpose.
  let failedOnce = false;
  let certificate = null;
  for (let step = 0; step < 20 && !certificate; step++) {
    await ana.waitForSelector('[data-testid=lesson], [data-testid=quiz]');
    await hydrated(ana);
    if (await ana.locator('[data-testid=lesson]').count()) {
      const url = ana.url();
      await ana.click('[data-testid=lesson-done]');
      await ana.waitForURL((u) => u.href !== url);
      continue;
    }
    if (!failedOnce) {
      expect(!(await answer(ana, false)), 'the first option everywhere fails');
      expect(await ana.locator('[data-testid=answer-feedback]').count() > 0, 'each question explained after answering');
      expect(/2 (intentos|attempts)/.test(await ana.textContent('[data-testid=quiz-outcome]')), 'attempts left shown');
      failedOnce = true;
      await ana.click('[data-testid=quiz-retry]');
      await ana.waitForSelector('[data-testid=quiz-submit]');
    }
    expect(await answer(ana, true), 'the right answers pass');
    if (await ana.locator('[data-testid=quiz-certificate]').count()) {
      await ana.click('[data-testid=quiz-certificate]');
      await ana.waitForSelector('[data-testid=certificate]');
      certificate = (await ana.textContent('[data-testid=certificate-code]')).trim();
    } else {
      const url = ana.url();
      await ana.click('[data-testid=quiz-next]');
      await ana.waitForURL((u) => u.href !== url);
    }
  }
  expect(failedOnce && certificate, 'the course ends with a certificate');
  expect((await ana.textContent('[data-testid=certificate]')).includes('Ana García'), 'the certificate names her');

  // Anyone can verify it, without signing in.
  const visitor = await newPage(ctx.browser);
  ctx.pages.push(visitor);
  const res = await visitor.goto(`${ctx.url}/verify/${certificate}`);
  expect(res.status() === 200, `verification page: ${res.status()}`);
  const verified = await visitor.textContent('[data-testid=verified]');
  expect(verified.includes('Ana García') && COURSE.test(verified) && /Válido|Valid/.test(verified),
    `verified: ${verified}`);
  expect(!verified.includes('ana@example.com'), 'no e-mail on the public page');

  // The post is shareable now.
  await ana.goto(`${ctx.url}/`);
  await ana.locator('[data-testid=feed-card]', { hasText: 'Plan Negocio' }).locator('a.post-card-cta').click();
  await ana.waitForSelector('[data-testid=share-panel] [data-testid=share-x]');
  expect(await ana.locator('[data-testid=share-gate]').count() === 0, 'the gate is gone');
});
