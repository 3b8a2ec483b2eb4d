/**
 * Reading merged areas the way Excel answers (test/fakes/excelBehaviours.ts):
 *  - Range.getMergedAreasOrNullObject returns only the areas whose top-left cell lies in the range
 *    (office-js #3611, #1590). For a whole sheet that is every area; for rows 1..N it is every area
 *    starting at or above row N, which includes every area crossing row N, so callers that need the
 *    areas crossing some rows ask for rows 1..N and filter by intersection.
 *  - it fails past 512 areas (ExcelApi 1.13 note). Past that, the rows are read in bands, one call
 *    each: an area comes back from exactly the band holding its top row, so the bands add up to the
 *    whole without duplicates or cut areas. Bands come from the tops seen at the last read (at most
 *    MERGE_BAND_AREAS areas each), or by halving them after a refusal, in syncs of their own so that
 *    a refusal never fails the values read with them.
 */
import type { CellRange } from "../../core/grid";
import { MAX_ROWS, parseAreasAddress } from "../shared/addresses";
import { causeOf, isFinalError } from "./errors";
import type { ExcelSession, SheetEntry } from "./session";

/** Excel refuses to return more merged areas than this in one call. */
export const MERGE_AREA_LIMIT = 512;
/** Areas planned per band, below the limit so that a few new merges do not make a band fail. */
export const MERGE_BAND_AREAS = 400;
/** Halvings tried before giving up on a sheet's merges. */
const MAX_SPLITS = 12;

export interface RowBand {
  top: number;
  bottom: number;
}

/** Bands over rows 1..lastRow holding at most MERGE_BAND_AREAS of the given (sorted) top rows each. */
export function bandsFromTops(tops: readonly number[], lastRow: number): RowBand[] {
  const bands: RowBand[] = [];
  let start = 1;
  let count = 0;
  for (let i = 0; i < tops.length && tops[i] <= lastRow; i++) {
    if (count >= MERGE_BAND_AREAS && tops[i] > tops[i - 1] && tops[i] > start) {
      bands.push({ top: start, bottom: tops[i] - 1 });
      start = tops[i];
      count = 0;
    }
    count++;
  }
  bands.push({ top: start, bottom: lastRow });
  return bands;
}

/** `n` bands over rows 1..lastRow, cut at equal steps inside the used rows. */
export function equalBands(n: number, used: RowBand | null, lastRow: number): RowBand[] {
  if (!used || n <= 1) return [{ top: 1, bottom: lastRow }];
  const top = Math.max(1, used.top);
  const height = Math.min(used.bottom, lastRow) - top + 1;
  const cuts: number[] = [];
  for (let k = 1; k < n; k++) {
    const c = top + Math.floor((k * height) / n);
    if (c > 1 && c <= lastRow && c > (cuts[cuts.length - 1] ?? 1)) cuts.push(c);
  }
  const bands: RowBand[] = [];
  let start = 1;
  for (const c of cuts) {
    bands.push({ top: start, bottom: c - 1 });
    start = c;
  }
  bands.push({ top: start, bottom: lastRow });
  return bands;
}

/** The bands to ask for at once: one call unless the last read saw many areas. */
export function plannedBands(entry: SheetEntry | undefined, lastRow = MAX_ROWS): RowBand[] {
  const tops = entry?.mergeTops?.filter((t) => t <= lastRow);
  return tops && tops.length > MERGE_BAND_AREAS ? bandsFromTops(tops, lastRow) : [{ top: 1, bottom: lastRow }];
}

/** Queue one getMergedAreasOrNullObject per band (the whole sheet: getRange()). */
export function queueMerges(ws: Excel.Worksheet, bands: readonly RowBand[]): Excel.RangeAreas[] {
  return bands.map((b) => {
    const range = b.top === 1 && b.bottom >= MAX_ROWS ? ws.getRange() : ws.getRange(`${b.top}:${b.bottom}`);
    const areas = range.getMergedAreasOrNullObject();
    areas.load("address");
    return areas;
  });
}

/** After the sync: the bands' areas together, each once. */
export function mergesFrom(areas: readonly Excel.RangeAreas[]): CellRange[] {
  const seen = new Set<string>();
  const out: CellRange[] = [];
  for (const a of areas) {
    if (a.isNullObject) continue;
    for (const m of parseAreasAddress(a.address)) {
      const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(m);
    }
  }
  return out;
}

/** Remember where a sheet's areas start when there are many, to plan bands next time. */
export function rememberTops(entry: SheetEntry | undefined, merges: readonly CellRange[]): void {
  if (!entry) return;
  if (merges.length > MERGE_AREA_LIMIT / 2) entry.mergeTops = merges.map((m) => m.top).sort((a, b) => a - b);
  else delete entry.mergeTops;
}

export interface MergeTarget {
  /** worksheet id or name (worksheets.getItem) */
  key: string;
  entry?: SheetEntry;
  /** the used rows, where band cuts go */
  used: RowBand | null;
  /** read rows 1..lastRow (default: the whole sheet) */
  lastRow?: number;
}

/** Merged areas in syncs of their own, after a refusal: bands halved until Excel answers. */
export class MergeReader {
  constructor(private readonly session: ExcelSession) {}

  /**
   * Areas per target; undefined where Excel refused even single-row bands. `n` 1 asks as planned
   * (one call, or the remembered bands); after a refusal, pass 2 to start halving.
   */
  async read(targets: readonly MergeTarget[], n = 1, splits = 0): Promise<(CellRange[] | undefined)[]> {
    if (!targets.length) return [];
    const bands = targets.map((t) => (n === 1 ? plannedBands(t.entry, t.lastRow ?? MAX_ROWS) : equalBands(n, t.used, t.lastRow ?? MAX_ROWS)));
    const answer = await this.tryBands(targets, bands);
    if (answer) return answer;
    const splittable = targets.some((t) => t.used && t.used.bottom - t.used.top + 1 > n);
    if (splits < MAX_SPLITS && splittable) return this.read(targets, n * 2, splits + 1);
    // one sheet may hold the refusal for all: try them one by one before giving up
    if (targets.length > 1) return this.oneByOne(targets);
    return [undefined];
  }

  private async oneByOne(targets: readonly MergeTarget[]): Promise<(CellRange[] | undefined)[]> {
    const out: (CellRange[] | undefined)[] = [];
    for (const t of targets) out.push(...(await this.read([t], 2, 0)));
    return out;
  }

  /** One sync: every target's bands; null when Excel refused. */
  private async tryBands(targets: readonly MergeTarget[], bands: readonly RowBand[][]): Promise<CellRange[][] | null> {
    try {
      return await this.session.run(
        async (context) => {
          const queued = targets.map((t, i) => queueMerges(context.workbook.worksheets.getItem(t.key), bands[i]));
          await context.sync();
          return queued.map((areas, i) => {
            const merges = mergesFrom(areas);
            // remembered on the cached entry (the list may have been re-read since the target was made)
            if ((targets[i].lastRow ?? MAX_ROWS) >= MAX_ROWS) rememberTops(this.session.entryById(targets[i].key) ?? targets[i].entry, merges);
            return merges;
          });
        },
        { wait: true },
      );
    } catch (e) {
      if (isFinalError(causeOf(e))) throw e;
      return null;
    }
  }
}
