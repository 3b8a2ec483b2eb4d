/** Where the focus goes after the pane acts (F8, a fix, an ignore, an action from a notice). */

/** Focus the selected entry's card (after F8, after a fix or an ignore), once React has drawn it. */
export function focusSelectedEntry(): void {
  const go = () => {
    const el = document.querySelector<HTMLElement>('[data-testid="findings"] [data-entry-card][aria-current="true"]');
    if (!el) return false;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: "nearest" });
    return true;
  };
  if (!go()) requestAnimationFrame(() => void go());
}

/**
 * After an action from a notice (its button goes with it): the focus stays where the user works —
 * on the selected entry for the list, else on the notice that replaced it in the same place.
 */
export function focusAfter(testId: string): void {
  requestAnimationFrame(() => {
    if (testId === "list-notice") return focusSelectedEntry();
    // its undo when it offers one, else its first button
    const box = `[data-testid="${testId}"]`;
    const el = document.querySelector<HTMLElement>(`${box} [data-action^="undo"]`) ?? document.querySelector<HTMLElement>(`${box} button`);
    if (el) el.focus();
    else focusSelectedEntry();
  });
}
