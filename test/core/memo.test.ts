/** core/memo.ts: the core's one cache — computes a text once, holds at most its capacity, skips long texts. */
import { memoize, memoizeByObject } from "../../src/core/memo";

describe("memoize", () => {
  it("computes each text once and gives the remembered result after", () => {
    const seen: string[] = [];
    const len = memoize((s: string) => (seen.push(s), s.length), { capacity: 10 });
    expect([len("成本指标"), len("成本指标"), len("数量")]).toEqual([4, 4, 2]);
    expect(seen).toEqual(["成本指标", "数量"]);
  });

  it("remembers an undefined result as well (a text with no meaning is not worked out again)", () => {
    let calls = 0;
    const none = memoize(() => (calls++, undefined), { capacity: 10 });
    none("x");
    none("x");
    expect(calls).toBe(1);
  });

  it("holds two generations of at most its capacity: a text still in use survives the newer one filling", () => {
    const seen: string[] = [];
    const id = memoize((s: string) => (seen.push(s), s), { capacity: 3 });
    for (const s of ["a", "b", "c"]) id(s);
    expect(id.size).toBe(3);
    id("d"); // the first generation is full: it becomes the older one
    expect(id.size).toBe(4);
    id("a"); // from the older generation, not worked out again
    expect(seen).toEqual(["a", "b", "c", "d"]);
    for (let i = 0; i < 1000; i++) id(`t${i}`);
    expect(id.size).toBeLessThanOrEqual(6);
  });

  it("computes a text longer than maxKeyLength every time without holding it", () => {
    let calls = 0;
    const f = memoize((s: string) => (calls++, s), { capacity: 10, maxKeyLength: 3 });
    f("长文本长文本");
    f("长文本长文本");
    expect([calls, f.size]).toEqual([2, 0]);
  });
});

describe("memoizeByObject", () => {
  it("works a result out once per object, an undefined one too, and again for another object", () => {
    const seen: object[] = [];
    const f = memoizeByObject((o: { n: number }, add: number) => {
      seen.push(o);
      return o.n > 0 ? o.n + add : undefined;
    });
    const a = { n: 1 };
    const b = { n: 0 };
    expect([f(a, 10), f(a, 99), f(b, 10), f(b, 10)]).toEqual([11, 11, undefined, undefined]);
    expect(seen).toEqual([a, b]);
    expect(f({ n: 1 }, 5)).toBe(6);
  });
});
