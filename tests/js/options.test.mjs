// The page's options are the engine's: their defaults and ranges come from
// optionRules(), which the page restates nowhere, and the options the page
// starts with are those compare() uses when given none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare, optionRules } from '../../www/pkg/article_diff.js';
import { PAGE_OPTIONS, cleanOptions, defaultOptions } from '../../www/state.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

/** The options a comparison reports it used. */
function usedOptions(options) {
  const result = compare('The council voted to build a bridge.', 'The council voted to build a tunnel.', options);
  try {
    return result.toJSON().options;
  } finally {
    result.free();
  }
}

test("the rules' defaults are the options compare() uses when given none", () => {
  const rules = optionRules();
  assert.deepEqual(rules.defaults, usedOptions(undefined));
  assert.deepEqual(Object.keys(rules.ranges).sort(), ['min_run', 'pair_threshold']);
});

test("the page's option defaults are the engine's", () => {
  const rules = optionRules();
  const page = defaultOptions(rules);
  assert.deepEqual(Object.keys(page), [...PAGE_OPTIONS]);
  for (const key of PAGE_OPTIONS) assert.ok(key in rules.defaults, `${key} is an option of the engine`);
  assert.deepEqual({ ...usedOptions(undefined), ...page }, usedOptions(page));
  assert.deepEqual(cleanOptions(undefined, rules), page);
});

test('saved options are kept only within the range and of the type the engine takes', () => {
  const rules = optionRules();
  const [low, high] = rules.ranges.min_run;
  const page = defaultOptions(rules);
  for (const min_run of [low, high]) assert.equal(cleanOptions({ min_run }, rules).min_run, min_run);
  for (const min_run of [low - 1, high + 1, 2.5, '5', null]) {
    assert.equal(cleanOptions({ min_run }, rules).min_run, page.min_run, `min_run ${min_run}`);
  }
  assert.equal(cleanOptions({ ignore_case: !page.ignore_case }, rules).ignore_case, !page.ignore_case);
  assert.equal(cleanOptions({ ignore_case: 'yes' }, rules).ignore_case, page.ignore_case);
  assert.deepEqual(cleanOptions({ evil: 1, pair_threshold: 0.9 }, rules), page, 'only the options the page offers');
  // Each range holds the default, and compare() takes both ends.
  for (const [key, [from, to]] of Object.entries(rules.ranges)) {
    assert.ok(from <= rules.defaults[key] && rules.defaults[key] <= to, key);
    for (const value of [from, to]) assert.equal(usedOptions({ [key]: value })[key], value);
    assert.throws(() => usedOptions({ [key]: to + 1 }), new RegExp(key));
  }
});

test('the page restates no default or range of the options', () => {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /id="option-[a-z_]+"[^>]*\b(min|max|value|checked)\b/);
});
