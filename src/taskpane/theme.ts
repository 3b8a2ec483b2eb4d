/** Office's theme and language, read from plain values so the rules are testable without Office. */
export type Theme = "light" | "dark";

/** Dark when Office's body background is dark (relative luminance below one half). */
export function themeFromBackground(color: string | undefined | null): Theme {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return "light";
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5 ? "dark" : "light";
}
