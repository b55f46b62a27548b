import type { TriggerFailure } from '../../emulator/addon';
import { EXCEEDED_TIME } from '../../emulator/gas/execution';
import { triggerFailureProblem } from './trigger-failures';

const failure = (message: string): TriggerFailure => ({ triggerId: '1', user: 'u@example.com', handlerFunction: 'tick', message, at: 0 });

describe('chaos invariant: no trigger run fails', () => {
  it('should pass runs without failures, and failures the chaos kills of trigger runs explain', () => {
    expect(triggerFailureProblem([], [])).toBeNull();
    expect(triggerFailureProblem([failure(EXCEEDED_TIME)], ['trigger at call 12 (SpreadsheetApp.flush)'])).toBeNull();
  });

  it('should report any other failure, and kills beyond the ones the suite made', () => {
    expect(triggerFailureProblem([failure('Service Spreadsheets timed out while accessing document with id x.')], [])).toMatch(
      /^1 trigger run\(s\) failed .*timed out/,
    );
    expect(triggerFailureProblem([failure(EXCEEDED_TIME)], ['rpc at call 3 (Sheet.getRange)'])).toMatch(/^1 trigger run\(s\) failed/);
  });
});
