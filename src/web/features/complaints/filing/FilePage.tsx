// /file — 我要投诉: a guided filing in five steps (category, type, details, evidence, review).
import { Alert, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import type { Category, TypeSuggestion } from '../../../app/types';
import { QueryState } from '../../../shared/QueryState';
import { useCatalog } from '../../catalog/api';
import { RequireComplainant } from '../RequireComplainant';
import { EMPTY_DRAFT, findType, OTHER, STEP, STEP_KEYS, type Draft, type HeldFiles } from './draft';
import { FilingDone } from './FilingDone';
import { StepCategory } from './StepCategory';
import { StepDetails } from './StepDetails';
import { StepEvidence } from './StepEvidence';
import { StepReview } from './StepReview';
import { StepType } from './StepType';
import { SuggestBox } from './SuggestBox';
import { useFilingErrors } from './useFilingErrors';
import { useSubmitFiling } from './useSubmitFiling';
import '../complaints.css';

/** Keeps held files that still answer an item of the newly chosen type. */
function keepFiles(files: HeldFiles, keys: readonly string[]): HeldFiles {
  return Object.fromEntries(
    Object.entries(files).filter(([key]) => key === OTHER || keys.includes(key)),
  );
}

function Wizard({ categories }: { categories: Category[] }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const p = 'portalComplaints.file';
  const [step, setStep] = useState<number>(STEP.category);
  const [reached, setReached] = useState<number>(STEP.category);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const submission = useSubmitFiling();
  const errors = useFilingErrors();

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [step]);

  const go = (next: number) => {
    setStep(next);
    setReached((r) => Math.max(r, next));
  };
  const category = categories.find((c) => c.code === draft.categoryCode) ?? null;
  const chosen = findType(categories, draft.typeCode);
  const details = draft.details ?? {
    fields: {},
    description: '',
    demandChips: [],
    demandText: '',
    contactName: session?.user.name ?? '',
  };

  const chooseType = (typeCode: string, sentence?: string) => {
    const found = findType(categories, typeCode);
    if (!found) return;
    errors.clear();
    setDraft((d) => ({
      categoryCode: found.category.code,
      typeCode,
      // A sentence typed into the search box is the start of the description.
      details: { ...details, description: details.description || (sentence ?? '') },
      files: keepFiles(
        d.files,
        found.type.requiredEvidence.map((e) => e.key),
      ),
    }));
    go(STEP.details);
  };
  const chooseCategory = (picked: Category) => {
    setDraft((d) => ({ ...d, categoryCode: picked.code }));
    if (picked.accepted) go(STEP.type);
  };
  const onSuggestion = (s: TypeSuggestion, sentence: string) => {
    // Suggestions include refused categories (judicial claims) so we can say where to go.
    const suggested = categories.find((c) => c.code === s.categoryCode);
    if (suggested && !suggested.accepted) {
      chooseCategory(suggested);
      setStep(STEP.category);
      return;
    }
    chooseType(s.typeCode, sentence);
  };

  if (submission.result) {
    return (
      <FilingDone
        result={submission.result}
        upload={submission.upload}
        held={submission.groups}
        onRetry={submission.retryFailed}
        onSendHeld={submission.sendHeld}
      />
    );
  }

  const submit = () => {
    if (!chosen) return;
    void errors.submit(submission.submit, chosen.type, details, draft.files, go);
  };

  const stepAvailable = (i: number) =>
    i <= reached && (i < STEP.type || (i === STEP.type ? Boolean(category?.accepted) : chosen));
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        {t(`${p}.title`)}
      </Typography.Title>
      <Steps
        className="cx-steps"
        size="small"
        responsive={false}
        titlePlacement="vertical"
        current={step}
        onChange={(i) => stepAvailable(i) && setStep(i)}
        items={STEP_KEYS.map((key, i) => ({
          title: t(`${p}.steps.${key}`),
          disabled: !stepAvailable(i),
        }))}
      />
      {step <= STEP.type && <SuggestBox onPick={onSuggestion} />}
      {errors.typeProblem && step <= STEP.type && (
        <Alert
          type="error"
          showIcon
          title={errors.typeProblem.message}
          description={errors.typeProblem.detail}
          className="cx-gap-bottom"
        />
      )}
      {step === STEP.category && (
        <StepCategory
          categories={categories}
          selected={draft.categoryCode}
          onSelect={chooseCategory}
        />
      )}
      {step === STEP.type && category && (
        <StepType category={category} selected={draft.typeCode} onSelect={(c) => chooseType(c)} />
      )}
      {step === STEP.details && chosen && (
        <StepDetails
          type={chosen.type}
          initial={details}
          serverErrors={errors.fieldErrors}
          onChange={(values) => setDraft((d) => ({ ...d, details: values }))}
          onBack={() => setStep(STEP.type)}
          onNext={(values) => {
            errors.clear();
            setDraft((d) => ({ ...d, details: values }));
            go(STEP.evidence);
          }}
        />
      )}
      {step === STEP.evidence && chosen && (
        <StepEvidence
          type={chosen.type}
          files={draft.files}
          onChange={(files) => setDraft((d) => ({ ...d, files }))}
          onBack={() => setStep(STEP.details)}
          onNext={() => go(STEP.review)}
        />
      )}
      {step === STEP.review && chosen && (
        <StepReview
          category={chosen.category}
          type={chosen.type}
          details={details}
          files={draft.files}
          submitting={submission.pending}
          failure={errors.failure}
          onEdit={setStep}
          onSubmit={submit}
        />
      )}
    </div>
  );
}

export default function FilePage() {
  const catalog = useCatalog();
  return (
    <RequireComplainant>
      <QueryState query={catalog} rows={6}>
        {(categories) => <Wizard categories={categories} />}
      </QueryState>
    </RequireComplainant>
  );
}
