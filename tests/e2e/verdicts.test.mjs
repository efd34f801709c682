// What each pair is and where copying goes unattributed, as a reader sees
// it: the copied / edited / reworded labels with the pair's two shares, the
// summary's counts by verdict, and copied words outside quotation marks:
// their own style, the toggle that turns it off, the summary button that
// goes to the first, and the walk through them with u / shift+u.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareTexts, openPage, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

const SENTENCE = 'The council approved the new bridge on Tuesday after a long debate.';

// Three sentences copied outside quotation marks, one inside them.
const ORIGINAL =
  'The council approved the new bridge on Tuesday after a long debate. ' +
  'Work on the crossing begins in the spring of next year. ' +
  'The mayor said the project would change the town for good. ' +
  'Critics called the cost of the bridge far too high for a small town.';
const PARAPHRASE =
  'Work on the crossing begins in the spring of next year. ' +
  '“The mayor said the project would change the town for good,” the paper reported. ' +
  'Critics called the cost of the bridge far too high for a small town. ' +
  'The council approved the new bridge on Tuesday after a long debate.';
const UNATTRIBUTED = [
  'Work on the crossing begins in the spring of next year',
  'Critics called the cost of the bridge far too high for a small town',
  'The council approved the new bridge on Tuesday after a long debate',
];

const focused = (page) =>
  page.evaluate(() => {
    const node = document.activeElement;
    return { text: node.textContent, unquoted: node.classList.contains('unquoted'), side: node.dataset.side };
  });

test('the example labels its pairs copied, edited and reworded, with their shares', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const badges = await page.locator('#rows .badge').allTextContents();
  for (const verdict of ['copied', 'edited', 'reworded', 'new', 'dropped', 'moved']) {
    assert.ok(badges.includes(verdict), `no ${verdict} badge in ${badges.join(', ')}`);
  }
  // The copied pair: "Construction is scheduled to begin in October."
  const copied = page.locator('#rows .row.s-copied').first();
  assert.deepEqual(await copied.locator('.shares span').allTextContents(), ['keeps 100% of original', '100% of it from original']);
  const sentence = 'keeps 100% of the original; 100% of this sentence comes from it';
  assert.equal(await copied.locator('.shares').getAttribute('title'), sentence);
  assert.match(await copied.getAttribute('aria-label'), new RegExp(`^Row \\d+, copied, moved, paired on copied words: ${sentence}$`));
  const edited = page.locator('#rows .row.s-edited').first();
  assert.match(
    await edited.getAttribute('aria-label'),
    /^Row \d+, edited, paired on copied words: keeps 77% of the original; 77% of this sentence comes from it$/,
  );
  // New and dropped rows have no shares.
  assert.equal(await page.locator('#rows .row.s-new .shares').count(), 0);
  assert.equal(await page.locator('#rows .row.s-new').first().getAttribute('aria-label'), 'Row 2, new');
  // Told apart by more than colour: filled, dotted, outlined.
  const badgeStyle = (verdict) =>
    page.locator(`#rows .badge.b-${verdict}`).first().evaluate((node) => {
      const style = getComputedStyle(node);
      return { border: style.borderTopStyle, filled: style.backgroundColor !== 'rgba(0, 0, 0, 0)' };
    });
  assert.deepEqual(await badgeStyle('copied'), { border: 'solid', filled: true });
  assert.deepEqual(await badgeStyle('edited'), { border: 'dotted', filled: false });
  assert.deepEqual(await badgeStyle('reworded'), { border: 'solid', filled: false });
  assert.deepEqual(errors, []);
});

test('the summary counts sentence pairs by verdict', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const text = await page.locator('#summary').textContent();
  assert.match(text, /5 sentence pairs: 1 copied, 2 edited, 2 reworded \(2 moved\); 2 new sentences, 2 dropped\./);
});

test('edited rows have a strip colour of their own in both themes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openPage(shared.browser, shared.server.url, { colorScheme });
    const colours = await page.evaluate(() => {
      const probe = document.createElement('span');
      document.body.append(probe);
      const resolve = (status) => {
        probe.style.color = `var(--strip-${status})`;
        return getComputedStyle(probe).color;
      };
      return ['copied', 'edited', 'reworded'].map(resolve);
    });
    assert.equal(new Set(colours).size, 3, `${colorScheme}: ${colours.join(', ')}`);
    await context.close();
  }
});

test('a sentence quoted with an attribution added is copied', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await compareTexts(page, SENTENCE, `“${SENTENCE.slice(0, -1)},” said the paper.`);
  assert.deepEqual(await page.locator('#rows .row .badge').allTextContents(), ['copied']);
  // Inside quotation marks: attributed, so nothing is marked unquoted.
  assert.equal(await page.locator('#rows .unquoted').count(), 0);
  assert.equal(await page.locator('#unattributed-counter').textContent(), 'No unattributed copying');
});

test('one word replaced in a sentence of six is edited', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await compareTexts(page, 'The mayor opened the new library.', 'The mayor opened the new museum.');
  assert.deepEqual(await page.locator('#rows .row .badge').allTextContents(), ['edited']);
  assert.deepEqual(await page.locator('#rows .row .shares span').allTextContents(), ['keeps 83% of original', '83% of it from original']);
});

test('copying outside quotation marks stands out, and the toggle turns it off and is remembered', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await compareTexts(page, ORIGINAL, PARAPHRASE);
  const unquoted = page.locator('#rows .cell.paraphrase .unquoted');
  assert.deepEqual(await unquoted.allTextContents(), UNATTRIBUTED);
  // The quoted sentence is copied, but not unquoted.
  const quoted = page.locator('#rows .cell.paraphrase mark.copied:not(.unquoted)');
  assert.deepEqual(await quoted.allTextContents(), ['The mayor said the project would change the town for good']);
  const look = (locator) =>
    locator.first().evaluate((node) => {
      const style = getComputedStyle(node);
      return { bar: style.borderLeftStyle, thickness: style.textDecorationThickness };
    });
  assert.deepEqual(await look(unquoted), { bar: 'solid', thickness: '3px' });
  assert.deepEqual(await look(quoted), { bar: 'none', thickness: '2px' });
  assert.equal(await page.isChecked('#unattributed'), true, 'on by default');
  assert.equal(await page.locator('#unattributed-counter').textContent(), '3 unattributed passages');

  await page.uncheck('#unattributed');
  assert.deepEqual(await look(unquoted), { bar: 'none', thickness: '2px' });
  assert.equal(await page.isVisible('#unattributed-walk'), false);
  assert.equal(await page.isVisible('.legend-unquoted'), false);
  // u does nothing while the emphasis is off.
  await page.locator('body').press('u');
  assert.notEqual((await focused(page)).unquoted, true);
  await page.reload();
  await page.waitForSelector('html[data-compared]');
  assert.equal(await page.isChecked('#unattributed'), false);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('article-diff/settings')));
  assert.equal(stored.showUnattributed, false);
});

test('the summary count turns the emphasis on and goes to the first unattributed passage', async () => {
  const { page } = await openPage(shared.browser, shared.server.url, { viewport: { width: 1280, height: 500 } });
  await page.evaluate(() => localStorage.setItem('article-diff/settings', JSON.stringify({ showUnattributed: false })));
  await page.reload();
  await page.waitForSelector('html[data-compared]');
  await compareTexts(page, ORIGINAL, PARAPHRASE);
  const button = page.locator('#summary button#show-unattributed');
  assert.match(await button.textContent(), /^\d+ copied words outside quotation marks$/);
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.isChecked('#unattributed'), true);
  assert.deepEqual(await focused(page), { text: UNATTRIBUTED[0], unquoted: true, side: 'paraphrase' });
  assert.equal(await page.locator('#unattributed-counter').textContent(), 'Unattributed passage 1 of 3');
});

test('u and shift+u walk the unattributed passages in order, as do the buttons', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await compareTexts(page, ORIGINAL, PARAPHRASE);
  const counter = page.locator('#unattributed-counter');
  await page.locator('body').press('u');
  assert.equal((await focused(page)).text, UNATTRIBUTED[0]);
  assert.equal(await counter.textContent(), 'Unattributed passage 1 of 3');
  await page.keyboard.press('u');
  assert.equal((await focused(page)).text, UNATTRIBUTED[1]);
  await page.keyboard.press('u');
  assert.equal((await focused(page)).text, UNATTRIBUTED[2]);
  assert.equal(await counter.textContent(), 'Unattributed passage 3 of 3');
  assert.equal(await page.isDisabled('#next-unattributed'), true);
  await page.keyboard.press('Shift+U');
  assert.equal((await focused(page)).text, UNATTRIBUTED[1]);
  assert.equal(await counter.textContent(), 'Unattributed passage 2 of 3');
  await page.click('#previous-unattributed');
  assert.equal((await focused(page)).text, UNATTRIBUTED[0]);
  assert.equal(await page.isDisabled('#previous-unattributed'), true);
  await page.click('#next-unattributed');
  assert.equal((await focused(page)).text, UNATTRIBUTED[1]);
  // The change walk is untouched by it.
  assert.match(await page.locator('#change-counter').textContent(), /changes?$/);
  // The example's passages are found in the inline view too.
  await page.click('#example');
  await page.waitForFunction(() => document.querySelector('#unattributed-counter').textContent === '5 unattributed passages');
  await page.check('input[name="view"][value="inline"]');
  await page.waitForSelector('#rows.view-inline .cell.inline');
  // Keys pressed in a form control are its own: leave the radio button first.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('u');
  assert.deepEqual(await focused(page), { text: 'across the Mill River', unquoted: true, side: 'paraphrase' });
});

test('a pair made on position alone says so', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  // Two one-sentence texts sharing one content word: the weakest evidence.
  await compareTexts(
    page,
    'I am asked almost every week whether the old mill will ever reopen.',
    'Readers often want to know if the mill might run again one day.',
  );
  const row = page.locator('#rows .row.s-reworded');
  assert.equal(await row.locator('.evidence').textContent(), 'paired on position');
  assert.match(await row.getAttribute('aria-label'), /^Row 1, reworded, paired on position only: keeps/);
});

test('a hard-wrapped sentence reads as one line of text in its row', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const wrapped =
    'Brindle County will open three cooling centers on Friday as\n' +
    'forecasters warn that afternoon temperatures could pass 100 degrees\n' +
    'for at least three days. The centers will stay open from 10 a.m. to 8\n' +
    'p.m. and will offer water, seating and phone charging at no cost.\n';
  await compareTexts(page, wrapped, wrapped.replaceAll('\n', ' ').trim());
  const cells = await page.locator('#rows .cell.original').allTextContents();
  assert.equal(cells.length, 2, 'two sentences, not four lines');
  assert.ok(cells.every((text) => !text.includes('\n')), JSON.stringify(cells));
  assert.match(cells[1], /from 10 a\.m\. to 8 p\.m\. and will offer/);
});
