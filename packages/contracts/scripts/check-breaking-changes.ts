// Fails when the generated contract breaks the last release without a pending major changeset.
// Run: pnpm --filter @order-service/contracts check:breaking
import {
  changesetDir,
  checkBreakingChanges,
  currentDocuments,
  describeReport,
  readReleasedDocuments,
} from '../src/documents/check-breaking-changes.ts';

const report = checkBreakingChanges({
  released: readReleasedDocuments(),
  current: currentDocuments(),
  changesetDir,
});
if (!report.ok) {
  console.error(describeReport(report));
  process.exit(1);
}
console.log(
  `contract check: ${report.breaking.length} breaking (major changeset pending: ${report.majorChangesetPending}), ${report.nonBreaking.length} non-breaking change(s) since the last release`,
);
