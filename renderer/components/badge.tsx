/** A small label on a card: "Default" (accent), "Less secure" (warning), "Reset only" (neutral). */
export function Badge({ tone = 'neutral', children }: { tone?: 'accent' | 'warning' | 'neutral' | 'success'; children: string }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
