import { useState } from 'react';
import { browserAddress } from '../embed/address.ts';
import { writeAddress } from '../embed/params.ts';
import { selectScenario } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';

/**
 * "Check this run against the spectrum": opens the consistency lab on this lab's run,
 * through the same link a shared run uses. The run's codec loads when the button is
 * pressed (it is not on a lab's first screen).
 */
export function SpectrumLink() {
  const store = useLabStoreApi();
  const scenario = useLab(selectScenario);
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="spectrum-link"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const codec = await import('../embed/urlCodec.ts');
        const run = { scenario, time: store.getState().time };
        window.location.assign(writeAddress(browserAddress.read(), codec.RUN_LINK, { lab: 'consistency', run }, codec.RUN_SUPERSEDES));
      }}
    >
      {busy ? 'Opening the consistency lab…' : 'Check this run against the consistency spectrum'}
    </button>
  );
}
