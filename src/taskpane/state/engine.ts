/**
 * The engine as the pane loads it: after the first paint, in a chunk of its own (issue 17). The
 * pane opens with its tabs and the 校验本表 button at once; recognition, the rules, the
 * self-evaluation maker and the marks made from a report's findings arrive while the user looks at
 * it (preloadEngine, right after the first render), and whatever needs them waits for them
 * (loadEngine).
 */
import type { revalidate, validate } from "../../core/engine";
import type { recognizeWorkbook } from "../../core/recognize";
import type { selfEvaluationGrid } from "../../core/library/selfEvaluation";
import type { marksFromFindings } from "../../host/shared/marks";

export interface Engine {
  validate: typeof validate;
  revalidate: typeof revalidate;
  recognizeWorkbook: typeof recognizeWorkbook;
  selfEvaluationGrid: typeof selfEvaluationGrid;
  marksFromFindings: typeof marksFromFindings;
}

let loading: Promise<Engine> | null = null;

/** The engine (one chunk, loaded once; a failed load is tried again on the next call). */
export function loadEngine(): Promise<Engine> {
  loading ??= Promise.all([
    import(/* webpackChunkName: "engine" */ "../../core/engine"),
    import(/* webpackChunkName: "engine" */ "../../core/recognize"),
    import(/* webpackChunkName: "engine" */ "../../core/library/selfEvaluation"),
    import(/* webpackChunkName: "engine" */ "../../host/shared/marks"),
  ]).then(
    ([engine, recognize, selfEval, marks]) => ({
      validate: engine.validate,
      revalidate: engine.revalidate,
      recognizeWorkbook: recognize.recognizeWorkbook,
      selfEvaluationGrid: selfEval.selfEvaluationGrid,
      marksFromFindings: marks.marksFromFindings,
    }),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Start loading the engine without waiting for it (after the first paint). */
export function preloadEngine(): void {
  loadEngine().catch(() => undefined); // said when the engine is needed
}
