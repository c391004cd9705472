/**
 * Runs in the page. A page script's own DOM work: 1,000 edits (appendChild, then textContent on
 * the node just added) in the block that holds the first mention, timed synchronously. Live
 * Ranges would make each edit pay for every registered range (GUIDE: 275 ms vs 5 ms with 5,000);
 * StaticRanges should cost nothing here. The added nodes are removed afterwards, untimed.
 *
 * `withAndWithout` alternates loops with our highlights registered and with the registry
 * emptied (then restored), in the same page, so JIT state, DOM and layout are the same for both.
 */
function editTarget(): Element {
  let target: Element | null = null;
  CSS.highlights.forEach((highlight, name) => {
    if (target || !name.startsWith('backstory')) return;
    highlight.forEach((range) => {
      target ??= range.startContainer.parentElement;
    });
  });
  return target ?? document.querySelector('body p') ?? document.body;
}

export function domEdits(count: number): number {
  const target = editTarget();
  const added: Element[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i += 2) {
    const span = document.createElement('span');
    span.appendChild(document.createTextNode(` edit ${i}`));
    target.appendChild(span);
    span.textContent = ` edited ${i}`;
    added.push(span);
  }
  const ms = performance.now() - t0;
  for (const el of added) el.remove();
  return ms;
}

export function withAndWithout(
  count: number,
  loops: number,
): { with: number[]; without: number[] } {
  const saved = new Map<string, Highlight>();
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('backstory')) saved.set(name, highlight);
  });
  const out = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < loops; i++) {
    out.with.push(domEdits(count));
    for (const name of saved.keys()) CSS.highlights.delete(name);
    out.without.push(domEdits(count));
    for (const [name, highlight] of saved) CSS.highlights.set(name, highlight);
  }
  return out;
}
