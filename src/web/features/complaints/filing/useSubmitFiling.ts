// Files the complaint, then uploads the held evidence to it.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { FilingResult } from '../../../app/types';
import { complaintKeys, fileComplaint, type FilingInput } from '../api';
import { newIdempotencyKey } from '../rules';
import { useEvidenceUpload, type UploadGroup } from '../useEvidenceUpload';

export function useSubmitFiling() {
  const queryClient = useQueryClient();
  const { run, state: upload } = useEvidenceUpload();
  const [result, setResult] = useState<FilingResult | null>(null);
  const [pending, setPending] = useState(false);
  const [groups, setGroups] = useState<UploadGroup[]>([]);
  // One key per wizard run: a double click, or a retry after a dropped connection, gets the
  // first filing back instead of a second complaint. The server keeps a key only with a filing
  // it accepted, so the same key still works after the person fixes a refused field.
  const [idempotencyKey] = useState(newIdempotencyKey);
  // The key stops a second complaint; this stops a second click (before the button shows it is
  // busy) from uploading the same evidence twice.
  const inFlight = useRef(false);

  const submit = useCallback(
    async (input: FilingInput, held: UploadGroup[]): Promise<void> => {
      if (inFlight.current) return;
      inFlight.current = true;
      setPending(true);
      let filed: FilingResult;
      try {
        filed = await fileComplaint(input, idempotencyKey);
      } catch (error) {
        inFlight.current = false;
        throw error;
      } finally {
        setPending(false);
      }
      setResult(filed);
      setGroups(held);
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      // A repeat filing was linked to the open complaint: its files are offered, not sent.
      if (!filed.linkedToExisting && held.length > 0) {
        await run(filed.complaint.number, held);
      }
    },
    [queryClient, run, idempotencyKey],
  );

  const number = result?.complaint.number;
  const retryFailed = useCallback(() => {
    if (number) void run(number, upload.failures);
  }, [number, run, upload.failures]);
  const sendHeld = useCallback(() => {
    if (number) void run(number, groups);
  }, [number, run, groups]);

  return { submit, pending, result, upload, groups, retryFailed, sendHeld };
}
