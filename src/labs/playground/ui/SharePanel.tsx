import { useId, useRef, useState, type RefObject } from 'react';
import { browserAddress } from '../../../embed/address.ts';
import { capped, writeAddress } from '../../../embed/params.ts';
import { RUN_LINK, RUN_SUPERSEDES, type LinkedRun } from '../../../embed/urlCodec.ts';
import { heavyRefusal } from '../../../content/budgetWords.ts';
import type { Scenario } from '../../../sim/scenario.ts';
import { validateScenario } from '../../../sim/scenarioSchema.ts';
import { addressNotice } from '../../../store/notices.ts';
import { safeText } from '../../../sim/safeText.ts';
import { selectScenario } from '../../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../../store/LabStoreContext.tsx';

interface Props {
  /** The lab's id in `?lab=`. */
  readonly labId: string;
  readonly diagrams: readonly { readonly name: string; readonly ref: RefObject<SVGSVGElement | null> }[];
}

/** The largest run file we read: a learner's run is a few kilobytes. */
const MAX_FILE_BYTES = 2_000_000;

/**
 * The link "Copy link to this run" copies: this address with the run at this moment,
 * written by the address module as the lab's own address is, so every setting the
 * learner changed that the address holds (a gallery's tab, the vectors) comes along, and
 * the parameters the run replaces do not.
 */
export function shareUrl(labId: string, scenario: LinkedRun['scenario'], time: number): string {
  return writeAddress(browserAddress.read(), RUN_LINK, { lab: labId, run: { scenario, time } }, RUN_SUPERSEDES);
}

type Checked = { readonly ok: true; readonly value: Scenario } | { readonly ok: false; readonly error: string | null };

/** Parse and check a run file's text: in a worker if the browser has them, else here. Error null: not JSON at all. */
function checkRunFile(text: string): Promise<Checked> {
  if (typeof Worker === 'undefined') {
    try {
      return Promise.resolve(validateScenario(JSON.parse(text)));
    } catch {
      return Promise.resolve({ ok: false, error: null });
    }
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../runFileWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Checked>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve({ ok: false, error: 'the file could not be read' });
    };
    worker.postMessage(text);
  });
}

/** Copy a link to this exact run; save or open the run as a file; save the pictures. */
export function SharePanel({ labId, diagrams }: Props) {
  const store = useLabStoreApi();
  const scenario = useLab(selectScenario);
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function copyLink() {
    const link = shareUrl(labId, scenario, store.getState().time);
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied. Anyone who opens it sees this run, from this moment.');
    } catch {
      // Clipboard access is often refused in iframes: show the link to copy by hand.
      setCopied(link);
    }
  }

  /** Saving code loads when first asked for: it is not needed to show the lab. */
  const saving = () => import('../../../components/download.ts');

  async function exportJson() {
    const text = JSON.stringify(scenario, null, 2);
    const { downloadBlob } = await saving();
    downloadBlob(new Blob([text], { type: 'application/json' }), `ec-lab-run-seed${scenario.seed}.json`);
  }

  async function importJson(file: File) {
    const { load, setNotice } = store.getState();
    const name = safeText(file.name).slice(0, 80);
    if (file.size > MAX_FILE_BYTES) {
      setNotice({ kind: 'error', text: `That file is ${Math.round(file.size / 1000)} kB; a run file is a few kB. Nothing was changed.` });
      return;
    }
    // Parsed and checked in a worker where there is one, so a big file does not hold the page.
    const checked = await checkRunFile(await file.text());
    if (!checked.ok && checked.error === null) {
      setNotice({ kind: 'error', text: `“${name}” is not a run file: it is not valid JSON. Nothing was changed.` });
      return;
    }
    if (!checked.ok) {
      // The schema's sentence can quote the file's own field names: escaped and bounded, as the address's are.
      setNotice({ kind: 'error', text: `“${name}” could not be opened: ${capped(checked.error!, 200)}. Nothing was changed.` });
      return;
    }
    // Asking for more than the lab simulates is refused before anything is computed, with a smaller run offered.
    const heavy = heavyRefusal(checked.value, 0);
    if (heavy) {
      setNotice(addressNotice([`“${name}” was not opened. ${heavy.text}`], heavy.smaller));
      return;
    }
    load(checked.value, 0, { kind: 'info', text: `Opened “${name}”: ${checked.value.script.length} actions. Press Play to replay it.` });
  }

  async function savePicture(ref: RefObject<SVGSVGElement | null>, name: string, format: 'svg' | 'png') {
    const svg = ref.current;
    if (!svg) return;
    try {
      const { downloadBlob, svgText, svgToPng } = await saving();
      const blob = format === 'svg' ? new Blob([svgText(svg)], { type: 'image/svg+xml' }) : await svgToPng(svg);
      downloadBlob(blob, `ec-lab-${name}.${format}`);
    } catch (e) {
      store.getState().setNotice({ kind: 'error', text: `The ${name} picture could not be saved: ${(e as Error).message}.` });
    }
  }

  return (
    <section className="panel share" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Share and save</h2>
      <div className="button-row">
        <button type="button" onClick={copyLink}>
          Copy link to this run
        </button>
        <button type="button" onClick={() => void exportJson()}>
          Save run as JSON
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open a run file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Run file to open"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importJson(file);
          }}
        />
      </div>
      {copied && (
        <p role="status" className="small copied">
          {copied.startsWith('http') ? (
            <>
              Copy this link: <input readOnly value={copied} aria-label="Link to this run" onFocus={(e) => e.target.select()} />
            </>
          ) : (
            copied
          )}
        </p>
      )}
      <div className="button-row">
        {diagrams.map((d) => (
          <span key={d.name} className="pair">
            <button type="button" onClick={() => savePicture(d.ref, d.name, 'svg')}>
              Save {d.name} as SVG
            </button>
            <button type="button" onClick={() => savePicture(d.ref, d.name, 'png')}>
              Save {d.name} as PNG
            </button>
          </span>
        ))}
      </div>
    </section>
  );
}
