/**
 * The conflicts lab's ledger judges each cart change item by item; the narrator's lost
 * writes are only those an earlier write's later stamp beat. Said under the ledger.
 */
export const LEDGER_VS_NARRATOR =
  'The narrator names a whole cart write as lost when an earlier write’s later timestamp beat it. This ledger judges each change on its own, so it also counts an item lost when a device wrote its cart through a replica that had not yet heard of it.';
