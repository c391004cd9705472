/**
 * Whether anything entered the top layer after our card did: the page showed a popover or a
 * modal dialog (both fire `toggle`, which does not bubble, so it is caught on the way down) or
 * went fullscreen. The card, staged in the top layer during the hover delay, is re-entered at
 * show only then, so it stays above them; otherwise it keeps the layout the delay gave it.
 */
export interface TopLayerWatch {
  /** True once something other than `own` may have gone over it. */
  changed(): boolean;
  stop(): void;
}

export function watchTopLayer(own: Element): TopLayerWatch {
  let changed = false;
  const onChange = (event: Event): void => {
    if (event.target !== own) changed = true;
  };
  const options = { capture: true, passive: true };
  window.addEventListener('toggle', onChange, options);
  document.addEventListener('fullscreenchange', onChange, options);
  return {
    changed: () => changed,
    stop: () => {
      window.removeEventListener('toggle', onChange, options);
      document.removeEventListener('fullscreenchange', onChange, options);
    },
  };
}
