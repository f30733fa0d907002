/** Placeholder until the version-vector comparer lands (issue 5); replaced by its real panel. */
export function VersionVectorPanel({ search }: { search: string }) {
  return (
    <section className="panel" aria-labelledby="vv-title" data-search={search}>
      <h2 id="vv-title">Version vectors</h2>
    </section>
  );
}
