/** An empty state that teaches: what happened and what Jixiao looks for. */
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  body: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  tip: { margin: `${tokens.spacingVerticalS} 0 0`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function EmptyState({ title, body, tip, testId }: { title: string; body: string; tip?: string; testId?: string }) {
  const s = useStyles();
  return (
    <section className={s.root} data-testid={testId} aria-label={title}>
      <h2 className={s.title}>{title}</h2>
      <p className={s.body}>{body}</p>
      {tip && <p className={s.tip}>{tip}</p>}
    </section>
  );
}
