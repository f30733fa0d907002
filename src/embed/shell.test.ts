import { describe, expect, it } from 'vitest';
import { memoryAddress } from './address.ts';
import { addressFor } from './loadLink.ts';
import { fullLabHref, shellOptions } from './shell.ts';

const at = (query: string) => memoryAddress(`https://lab.test/ec/${query}`);

describe('the shell’s own parameters', () => {
  it('reads embed=1 and embed=0, and says so for anything else, shown whole', () => {
    expect(shellOptions(at('?lab=quorum&embed=1'))).toEqual({ embed: true, host: null, presenter: false, speaker: false, problems: [] });
    expect(shellOptions(at('?lab=quorum&embed=0')).embed).toBe(false);
    expect(shellOptions(at('?lab=quorum')).embed).toBe(false);
    const bad = shellOptions(at('?embed=%3Cscript%3E'));
    expect(bad.embed).toBe(false);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/is not 1 or 0, so the lab is shown whole\.$/);
  });

  it('reads host= as a list of origins, keeps only what it can read of a bad one, and takes an empty one as no page', () => {
    expect(shellOptions(at('?host=https://docs.example.org,http://localhost:3000')).host).toEqual(['https://docs.example.org', 'http://localhost:3000']);
    expect(shellOptions(at('?host=https://docs.example.org/')).host).toEqual(['https://docs.example.org']);
    const bad = shellOptions(at('?host=https://docs.example.org,javascript:alert(1)'));
    expect(bad.host).toEqual(['https://docs.example.org']);
    expect(bad.problems[0]).toBe('host= has javascript:alert(1), which is not an origin like https://docs.example.org; the lab takes commands only from https://docs.example.org.');
    expect(shellOptions(at('?host=https://docs.example.org/path')).problems[0]).toMatch(/which is not an origin/);
    // Unlike other parameters, an empty host= is not "not given": a template's unset variable must not open the lab to every page.
    expect(shellOptions(at('?host=')).host).toEqual([]);
    expect(shellOptions(at('?host=')).problems).toEqual(['host= is empty; the lab takes commands from no page.']);
  });

  it('opens the full lab at the same lab and run, without the page’s own parameters', () => {
    const url = new URL(fullLabHref(at('?lab=playground&embed=1&host=https://d.test&run=1.abc&presenter=1')));
    expect(url.pathname).toBe('/ec/');
    expect(url.searchParams.get('lab')).toBe('playground');
    expect(url.searchParams.get('run')).toBe('1.abc');
    for (const name of ['embed', 'host', 'presenter']) expect(url.searchParams.has(name), name).toBe(false);
  });

  it('loads a link in place: the link’s lab and settings, the page’s own parameters kept, other pages refused', () => {
    const known = (lab: string) => ['quorum', 'playground'].includes(lab);
    const here = at('?lab=quorum&n=5&embed=1&host=https://d.test');
    expect(addressFor('?lab=playground&run=1.x&embed=0', known, here)).toEqual({ ok: true, lab: 'playground', href: 'https://lab.test/ec/?lab=playground&run=1.x&embed=1&host=https%3A%2F%2Fd.test' });
    expect(addressFor('https://lab.test/ec/?lab=quorum&w=1', known, here)).toMatchObject({ ok: true, href: 'https://lab.test/ec/?lab=quorum&w=1&embed=1&host=https%3A%2F%2Fd.test' });
    expect(addressFor('https://lab.test/other/?lab=quorum', known, here)).toEqual({ ok: false, error: 'That link is to another page (https://lab.test/other/), not to this lab.' });
    expect(addressFor('?lab=%3Cb%3E', known, here)).toEqual({ ok: false, error: 'That link names a lab this page does not have: <b>.' });
    expect(addressFor('?run=1.x', known, here)).toEqual({ ok: false, error: 'That link names no lab (it has no lab=).' });
    expect(addressFor('javascript:alert(1)//?lab=quorum', known, here)).toEqual({ ok: false, error: 'That link is not a web address (javascript:, data: and the like are refused).' });
    expect(addressFor('//evil.test/ec/?lab=quorum', known, here)).toMatchObject({ ok: false, error: expect.stringMatching(/another page \(https:\/\/evil\.test\/ec\/\)/) });
    expect(addressFor('http://[bad', known, here)).toEqual({ ok: false, error: 'That link could not be read as an address.' });
  });
});
