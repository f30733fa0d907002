/** Placeholder until the like-counter exercise lands (issue 5); replaced by the real one. */
export function LikeCounter({ search }: { search: string }) {
  return (
    <section className="panel" aria-labelledby="likes-title" data-search={search}>
      <h2 id="likes-title">Exercise: a like counter</h2>
    </section>
  );
}
