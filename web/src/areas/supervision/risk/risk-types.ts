// Shapes of the /risk API (see /api/docs), as this area reads them: the route schemas' types.
export type {
  TFindingView as RiskFinding,
  TScoreView as RiskScore,
  TScanView as RiskScan,
  TScanSummary as ScanSummary,
  TInspectionView as Inspection,
  TSampleResult as SampleResult,
  TPublicSanction as Sanction,
  TEvaluationView as Evaluation,
} from '../../../../../src/api/routes/risk.types.ts';
