// The lifecycle buttons: exactly the actions the server says this person may take now
// (allowedActions), each asking only for what that action needs.
import { Alert, App, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAction, ComplaintDetail, StaffTransition } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import { useSupplyMaterials, useTransition } from './api';
import { MaterialsModal } from './MaterialsModal';
import { OpinionModal, type OpinionAction } from './OpinionModal';
import { StageNote, useStageNote } from './StageNote';

// Display order: moving the case forward first, the final or negative moves last.
type BarAction = StaffTransition | 'request_materials' | 'supply_materials';
const ORDER: readonly BarAction[] = [
  'review',
  'investigate',
  'start_reconsideration',
  'return_from_transfer',
  'supply_materials',
  'request_materials',
  'transfer',
  'resolve',
  'reject',
  'close',
];

/** Actions that need a written opinion; the others are one click (or one confirmation). */
const WITH_OPINION: readonly OpinionAction[] = [
  'transfer',
  'resolve',
  'reject',
  'supply_materials',
];
const CONFIRMED: readonly ComplaintAction[] = ['return_from_transfer', 'close'];
const PRIMARY: readonly ComplaintAction[] = ['review', 'start_reconsideration', 'resolve', 'close'];

function isOpinionAction(action: string): action is OpinionAction {
  return (WITH_OPINION as readonly string[]).includes(action);
}

export function ActionBar({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransition(complaint.number);
  const supply = useSupplyMaterials(complaint.number);
  const [failure, setFailure] = useState<string | null>(null);
  const [opinionFor, setOpinionFor] = useState<OpinionAction | null>(null);
  const [materials, setMaterials] = useState(false);
  const note = useStageNote(complaint);

  const actions = ORDER.filter((a) => complaint.allowedActions.includes(a));
  const label = (action: ComplaintAction) => t(`consoleComplaints.action.${action}`);
  const primary = (action: ComplaintAction) =>
    PRIMARY.includes(action) || (action === 'investigate' && !actions.includes('review'));

  const run = (action: StaffTransition, opinion?: string) => {
    setFailure(null);
    return transition.mutateAsync(
      { action, ...(opinion ? { opinion } : {}) },
      {
        onSuccess: () =>
          void message.success(t('consoleComplaints.action.done', { action: label(action) })),
      },
    );
  };

  const submitOpinion = (action: OpinionAction, text: string) => {
    if (action !== 'supply_materials') return run(action, text);
    return supply.mutateAsync(text ? { note: text } : {}, {
      onSuccess: () =>
        void message.success(t('consoleComplaints.action.done', { action: label(action) })),
    });
  };

  // One-click actions report a refusal here; the modals show theirs inside the modal.
  const runDirect = (action: StaffTransition) =>
    run(action).catch((error: unknown) => setFailure(errorMessage(error, t)));

  const button = (action: BarAction) => {
    const props = {
      type: primary(action) ? ('primary' as const) : ('default' as const),
      danger: action === 'reject',
      'data-testid': `action-${action}`,
      loading: transition.isPending && transition.variables?.action === action,
    };
    if (action === 'request_materials') {
      return (
        <Button key={action} {...props} onClick={() => setMaterials(true)}>
          {label(action)}
        </Button>
      );
    }
    if (isOpinionAction(action)) {
      return (
        <Button key={action} {...props} onClick={() => setOpinionFor(action)}>
          {label(action)}
        </Button>
      );
    }
    if (CONFIRMED.includes(action)) {
      return (
        <Popconfirm
          key={action}
          title={t(`consoleComplaints.confirm.${action}`)}
          okText={label(action)}
          cancelText={t('common.cancel')}
          onConfirm={() => runDirect(action)}
        >
          <Button {...props}>{label(action)}</Button>
        </Popconfirm>
      );
    }
    return (
      <Button key={action} {...props} onClick={() => void runDirect(action)}>
        {label(action)}
      </Button>
    );
  };

  return (
    <div className="cc-actions" data-testid="complaint-actions">
      {actions.map(button)}
      {actions.length === 0 && !note && (
        <Typography.Text type="secondary" data-testid="no-actions">
          {t('consoleComplaints.action.none')}
        </Typography.Text>
      )}
      {note && <StageNote note={note} />}
      {failure && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(null) }}
          title={failure}
          role="alert"
          data-testid="action-error"
          style={{ width: '100%' }}
        />
      )}
      <OpinionModal
        action={opinionFor}
        onCancel={() => setOpinionFor(null)}
        onSubmit={(action, text) => submitOpinion(action, text).then(() => setOpinionFor(null))}
      />
      <MaterialsModal open={materials} complaint={complaint} onClose={() => setMaterials(false)} />
    </div>
  );
}
