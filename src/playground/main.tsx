/** The playground drawn (the page's second step, see index.tsx): React, Fluent UI and the pane. */
import { createRoot } from "react-dom/client";
import { Playground, type PlaygroundProps } from "./Playground";

export function start(root: HTMLElement, initial: PlaygroundProps["initial"]): void {
  createRoot(root).render(<Playground initial={initial} />);
}
