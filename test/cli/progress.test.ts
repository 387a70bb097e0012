import { progressBar } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('the progress bar', () => {
  test('draws in a terminal when more than 50 specs are checked, then clears its line', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar(60, stream);
    for (let i = 0; i < 60; i++) bar.tick();
    bar.done();
    expect(written[0]).toBe(`\r[#####${' '.repeat(25)}] 10/60 specs`);
    expect(written.at(-2)).toBe(`\r[${'#'.repeat(30)}] 60/60 specs`);
    expect(written.at(-1)).toMatch(/^\r +\r$/);
  });

  test('stays silent for 50 specs or fewer, and whenever the output is not a terminal', () => {
    for (const [isTTY, total] of [
      [true, 50],
      [false, 500],
    ] as const) {
      const { stream, written } = fakeStream(isTTY);
      const bar = progressBar(total, stream);
      for (let i = 0; i < total; i++) bar.tick();
      bar.done();
      expect(written).toEqual([]);
    }
  });
});
