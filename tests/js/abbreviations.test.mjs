// src/sentences/abbreviations.rs is what scripts/abbreviations.mjs writes
// from the CLDR package the lockfile pins: regenerated here into a
// temporary file and compared, so that neither drifts from the other.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../e2e/harness.mjs';

test('the committed abbreviations are the generator’s output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'abbreviations-'));
  try {
    const out = join(dir, 'abbreviations.rs');
    execFileSync(process.execPath, [join(root, 'scripts/abbreviations.mjs'), out], { stdio: 'pipe' });
    const written = readFileSync(out, 'utf8');
    assert.equal(written, readFileSync(join(root, 'src/sentences/abbreviations.rs'), 'utf8'));
    // What the sentence rules rely on, as CLDR 46 has it.
    assert.match(written, /\("de", &\[[^\]]*"z\.B"/);
    assert.match(written, /\("es", &\[[^\]]*"ej"/);
    assert.match(written, /\("fr", &\[[^\]]*"M"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
