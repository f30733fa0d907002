/** Placeholder until the CRDT gallery lands (issue 5); replaced by the real gallery. */
export function CrdtGallery({ search }: { search: string }) {
  return (
    <section className="panel" aria-labelledby="gallery-title" data-search={search}>
      <h2 id="gallery-title">A CRDT gallery</h2>
    </section>
  );
}
