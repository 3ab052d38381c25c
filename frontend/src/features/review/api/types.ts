import type { ApiSchemas } from '@/lib/api-client';

/* The review workflow's shapes (docs/review.md, "Shapes"), from the generated schema. */

export type ReviewItem = ApiSchemas['ReviewItemView'];
export type ReviewStatus = ApiSchemas['CaseStatus'];
export type RecordView = ApiSchemas['RecordView'];
export type CaseState = ApiSchemas['CaseState'];
export type HistoryEntry = ApiSchemas['HistoryEntry'];
export type PendingDecisionView = ApiSchemas['PendingDecisionView'];
export type ExceptionDetail = ApiSchemas['ExceptionDetail'];
export type DecisionResult = ApiSchemas['DecisionResult'];

/* The vocabularies docs/review.md fixes, which the schema types as plain strings. */

export type ResolveReasonCode =
  'billingCorrected' | 'creditIssued' | 'clientDispute' | 'writeOff' | 'timingDifference' | 'other';

export type OverrideReasonCode = 'misclassified' | 'sourceDataError' | 'other';
