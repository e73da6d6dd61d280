// The §1 goals of the plan as dated data (the engine's policy package holds the subsidy rules; these
// are the city's monitoring targets): by the end of 2021 skilled workers ≥ 33% of the employed,
// high-skilled workers ≥ 33% of the skilled, and every main-post employee of the 钒钛 and 康养
// industries trained once (轮训一遍). A laggard (通报) is a task behind its even quarterly pace (§5.3).
export const GOAL_PARAMETERS = {
  version: '2020-01-14',
  clause: '§1',
  from: '2020-01-14',
  to: '2021-12-31',
  skilledShareOfEmployedPercent: 33,
  highSkilledShareOfSkilledPercent: 33,
  /** Industries whose main-post employees are all to be trained once, with their Chinese names. */
  rotationIndustries: { vanadium_titanium: '钒钛产业', health_care: '康养产业' } as Record<string, string>,
  /** Share of the annual task expected done by the end of quarter q: q/4 (an even pace). */
  expectedShareByQuarter: [25, 50, 75, 100],
} as const;
