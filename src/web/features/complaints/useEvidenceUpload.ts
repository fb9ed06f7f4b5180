// Uploads held evidence files to a complaint, three at a time, with one progress figure for the
// whole batch. A failed request does not stop the others; its files are reported back so the
// person can try them again.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { complaintKeys, uploadEvidence } from './api';
import { chunk } from './files';

export interface UploadGroup {
  /** The checklist item the files answer (evidenceKey), or null for general evidence. */
  key: string | null;
  files: File[];
}

export interface UploadFailure extends UploadGroup {
  message: string;
  /** Sending the same files again may work (network, server trouble); a refused file will not. */
  retryable: boolean;
}

export interface UploadState {
  running: boolean;
  /** 0–100 over all bytes of the batch. */
  percent: number;
  failures: UploadFailure[];
  /** A batch has run to its end (whether or not every file went through). */
  finished: boolean;
}

const IDLE: UploadState = { running: false, percent: 0, failures: [], finished: false };

function failureText(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  // Per-file reasons (wrong type, too large, video too long) say more than the summary.
  const reasons = error instanceof ApiError && error.fields ? Object.values(error.fields) : [];
  return reasons.length > 0 ? reasons.join(t('common.listSeparator')) : errorMessage(error, t);
}

function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export function useEvidenceUpload() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>(IDLE);

  const run = useCallback(
    async (number: string, groups: readonly UploadGroup[]): Promise<UploadFailure[]> => {
      const requests = groups.flatMap((g) => chunk(g.files).map((files) => ({ ...g, files })));
      const total = requests.reduce((sum, r) => sum + r.files.reduce((s, f) => s + f.size, 0), 0);
      let done = 0;
      const failures: UploadFailure[] = [];
      setState({ running: true, percent: 0, failures, finished: false });
      for (const request of requests) {
        const bytes = request.files.reduce((s, f) => s + f.size, 0);
        try {
          await uploadEvidence(number, request.files, request.key, (loaded, size) => {
            const part = size > 0 ? (loaded / size) * bytes : 0;
            setState((s) => ({ ...s, percent: total ? ((done + part) / total) * 100 : 0 }));
          });
        } catch (error) {
          failures.push({
            ...request,
            message: failureText(error, t),
            retryable: retryable(error),
          });
        }
        done += bytes;
        setState((s) => ({ ...s, percent: total ? (done / total) * 100 : 100 }));
      }
      setState({ running: false, percent: 100, failures: [...failures], finished: true });
      await queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      return failures;
    },
    [queryClient, t],
  );

  const reset = useCallback(() => setState(IDLE), []);
  return { state, run, reset };
}
