// The city and its five county-level areas (administrative division codes). Browser-safe, shared by the
// server (reference data, record scopes) and the web app.

export const AREAS = [
  { code: '510400', name: '攀枝花市', level: 'city' as const },
  { code: '510402', name: '东区', level: 'county' as const },
  { code: '510403', name: '西区', level: 'county' as const },
  { code: '510411', name: '仁和区', level: 'county' as const },
  { code: '510421', name: '米易县', level: 'county' as const },
  { code: '510422', name: '盐边县', level: 'county' as const },
];
/** The city's own code: records the city bureau handles itself (directly managed units, the city's classes). */
export const CITY_AREA = '510400';
export const CITY_NAME = '攀枝花市';
export const COUNTY_AREAS = AREAS.filter((a) => a.level === 'county').map((a) => a.code);
export const AREA_NAMES: Record<string, string> = Object.fromEntries(AREAS.map((a) => [a.code, a.name]));
