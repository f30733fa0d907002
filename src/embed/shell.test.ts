import { describe, expect, it } from 'vitest';
import { memoryAddress } from './address.ts';
import { fullLabHref, shellOptions } from './shell.ts';

describe('the shell’s own parameters', () => {
  it('reads embed=1 and embed=0, and says so for anything else, shown whole', () => {
    expect(shellOptions(memoryAddress('https://lab.test/?lab=quorum&embed=1'))).toEqual({ embed: true, problems: [] });
    expect(shellOptions(memoryAddress('https://lab.test/?lab=quorum&embed=0'))).toEqual({ embed: false, problems: [] });
    expect(shellOptions(memoryAddress('https://lab.test/?lab=quorum'))).toEqual({ embed: false, problems: [] });
    const bad = shellOptions(memoryAddress('https://lab.test/?embed=%3Cscript%3E'));
    expect(bad.embed).toBe(false);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/is not 1 or 0, so the lab is shown whole\.$/);
  });

  it('opens the full lab at the same lab and run, without embed', () => {
    const href = fullLabHref(memoryAddress('https://lab.test/ec/?lab=playground&embed=1&run=1.abc'));
    const url = new URL(href);
    expect(url.pathname).toBe('/ec/');
    expect(url.searchParams.get('lab')).toBe('playground');
    expect(url.searchParams.get('run')).toBe('1.abc');
    expect(url.searchParams.has('embed')).toBe(false);
  });
});
