/** A one-line progress bar for long runs on a terminal, redrawn at most ten times a second. */
export function progressBar(write: (text: string) => void, total: number, now: () => number = Date.now) {
  const started = now();
  let drawn = 0;
  const format = new Intl.NumberFormat('en-US');
  const draw = (done: number, records: number, final: boolean) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = Math.round(records / seconds);
    const eta = fraction > 0 && !final ? Math.round(seconds / fraction - seconds) : 0;
    const etaText = final
      ? `${seconds.toFixed(1)} s`
      : `ETA ${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')}`;
    write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ` +
        `${format.format(records)} records  ${format.format(rate)}/s  ${etaText}${final ? '\n' : ''}`,
    );
  };
  return {
    update(done: number, records: number) {
      if (now() - drawn < 100) return;
      drawn = now();
      draw(done, records, false);
    },
    finish(done: number, records: number) {
      draw(done, records, true);
    },
  };
}
