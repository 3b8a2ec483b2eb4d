/** Small inline icons for the three severities (no icon font, no network). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/finding";

const useStyles = makeStyles({
  icon: { flexShrink: 0, width: "16px", height: "16px", verticalAlign: "-3px" },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

export function SeverityIcon({ severity, label }: { severity: Severity; label?: string }) {
  const s = useStyles();
  const common = {
    className: `${s.icon} ${s[severity]}`,
    viewBox: "0 0 16 16",
    role: label ? "img" : undefined,
    "aria-label": label,
    "aria-hidden": label ? undefined : true,
    focusable: false,
  } as const;
  if (severity === "error")
    return (
      <svg {...common}>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    );
  if (severity === "warning")
    return (
      <svg {...common}>
        <path d="M8 1.2L15.2 14.5H0.8z" fill="currentColor" />
        <path d="M8 6v4" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
        <circle cx="8" cy="12.2" r="0.9" fill="#fff" />
      </svg>
    );
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 7.2v4.3" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="4.8" r="0.9" fill="#fff" />
    </svg>
  );
}
