// Shapes of the /risk API (see /api/docs), as this area reads them.

export interface RiskFinding {
  id: string;
  scanId: string;
  rule: string;
  title: string;
  clause: string;
  weight: number;
  explanation: string;
  evidence: unknown;
  subjects: { kind: 'class' | 'claim' | 'provider'; ref: string; number: string; areaCode: string | null }[];
}
export interface RiskScore {
  kind: 'class' | 'claim' | 'provider';
  ref: string;
  /** A class's or claim's record number; a provider's code. */
  number: string;
  areaCode: string | null;
  score: number;
  rules: string[];
  findings: number;
}
export interface RiskScan {
  id: string;
  parametersVersion: string;
  findings: number;
  byRule: Record<string, number>;
  unknown: Record<string, { count: number; note: string }>;
  scannedBy: string;
  scannedAt: string;
}
export interface ScanSummary {
  scanId: string;
  parametersVersion: string;
  findings: number;
  byRule: Record<string, number>;
  unknown: Record<string, { count: number; note: string }>;
  scored: { classes: number; claims: number; providers: number };
}
export interface Inspection {
  id: string;
  sampleId: string;
  seed: string;
  classId: string;
  classNumber: string;
  providerId: string;
  providerName: string;
  areaCode: string;
  classStatus: string;
  score: number;
  probability: number;
  draw: number;
  status: 'planned' | 'done';
  result: 'clean' | 'irregular' | null;
  note: string | null;
  inspectedOn: string | null;
  inspectedBy: string | null;
}
export interface SampleResult {
  id: string;
  seed: string;
  scanId: string | null;
  areaCode: string | null;
  population: number;
  inspections: { id: string; classId: string; areaCode: string; score: number; probability: number; draw: number }[];
}
export interface Sanction {
  id: string;
  kind: string;
  kindName: string;
  party: string;
  reason: string;
  amountFen: number | null;
  sanctionedOn: string;
  areaCode: string;
  areaName: string | null;
}
export interface Evaluation {
  id: string;
  providerId: string;
  providerName: string;
  areaCode: string;
  providerStatus: string;
  evaluator: string;
  evaluatedOn: string;
  score: number;
  passScore: number;
  passed: boolean;
  note: string | null;
  statusChange: string | null;
  recordedBy: string;
}
