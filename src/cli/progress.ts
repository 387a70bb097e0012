/** A one-line progress bar on stderr, for long runs in a terminal only (never in CI logs or pipes). */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): { tick(): void; done(): void } {
  const enabled = stream.isTTY === true && total > 50;
  const width = 30;
  let done = 0;
  return {
    tick() {
      done += 1;
      if (!enabled || (done % 10 !== 0 && done !== total)) return;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} specs`);
    },
    done() {
      if (enabled) stream.write(`\r${' '.repeat(width + 20)}\r`);
    },
  };
}
