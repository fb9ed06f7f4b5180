// Sends the filing and, when the server refuses it, puts each reason where the person can act
// on it: field problems on their inputs (step ③), a refused type at step ①/②, anything else on
// the review step with the server's guidance.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldErrors } from '../../../app/api';
import type { ProblemType } from '../../../app/types';
import { errorMessage } from '../../../shared/formErrors';
import type { FilingInput } from '../api';
import type { UploadGroup } from '../useEvidenceUpload';
import {
  demandOf,
  filingFields,
  formName,
  STEP,
  type DetailsValues,
  type HeldFiles,
} from './draft';

export interface Problem {
  message: string;
  detail?: string;
}

type Submit = (input: FilingInput, held: UploadGroup[]) => Promise<void>;

export function useFilingErrors() {
  const { t } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | null>(null);
  const [typeProblem, setTypeProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<Problem | null>(null);

  const clear = useCallback(() => {
    setFieldErrors(null);
    setTypeProblem(null);
    setFailure(null);
  }, []);

  const submit = async (
    send: Submit,
    type: ProblemType,
    details: DetailsValues,
    files: HeldFiles,
    go: (step: number) => void,
  ) => {
    clear();
    const input: FilingInput = {
      type: type.code,
      description: details.description.trim(),
      demand: demandOf(details),
      fields: filingFields(type, details),
      contactName: details.contactName.trim(),
    };
    const held = Object.entries(files)
      .filter(([, list]) => list.length > 0)
      .map(([key, list]) => ({ key: key || null, files: list }));
    try {
      await send(input, held);
    } catch (error) {
      const message = errorMessage(error, t);
      const detail = error instanceof ApiError ? error.detail : undefined;
      const fields = error instanceof ApiError ? (error.fields ?? {}) : {};
      if (error instanceof ApiError && error.code === 'category_not_accepted') {
        setTypeProblem({ message, detail });
        go(STEP.category);
      } else if (fields.type) {
        setTypeProblem({ message: fields.type, detail });
        go(STEP.type);
      } else if (Object.keys(fields).some((key) => formName(key))) {
        setFieldErrors(fields);
        go(STEP.details);
      } else {
        setFailure({ message, detail });
      }
    }
  };

  return { fieldErrors, typeProblem, failure, clear, submit };
}
