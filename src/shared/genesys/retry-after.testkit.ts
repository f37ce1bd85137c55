/** For tests of code that waits out Retry-After: a clock that only moves when the code sleeps. */
export function sleepingClock() {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: (ms: number) => {
      waits.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}
