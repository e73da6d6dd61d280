// The monitoring convention of §5.3 that is not a number of the plan: a task lags (通报) when it is
// behind an even quarterly pace. The plan says only that laggards are named each quarter; the even
// pace is this system's reading. The §1 goals themselves (the 33% shares and the rotation industries)
// are dated parameters of the policy package (`goals.*`), read by city-goals.ts.
export const GOAL_PARAMETERS = {
  clause: '§5.3',
  /** Share of the annual task expected done by the end of quarter q: q/4 (an even pace). */
  expectedShareByQuarter: [25, 50, 75, 100],
} as const;
