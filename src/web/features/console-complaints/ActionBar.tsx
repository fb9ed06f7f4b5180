// The lifecycle buttons: exactly the actions the server says this person may take now
// (allowedActions), each asking only for what that action needs.
import { App, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAction, ComplaintDetail, StaffTransition } from '../../app/types';
import { useHeldByOther } from '../casework/holder';
import type { Refresh } from '../casework/WorkPanel';
import { WriteError } from '../casework/WriteError';
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

export function ActionBar({
  complaint,
  refresh,
}: {
  complaint: ComplaintDetail;
  refresh: Refresh;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransition(complaint.number);
  const supply = useSupplyMaterials(complaint.number);
  const [failure, setFailure] = useState<unknown>(null);
  // The version on screen when the agent opened the dialog: a change made meanwhile is a conflict.
  const [opinionFor, setOpinionFor] = useState<{ action: OpinionAction; version: number } | null>(
    null,
  );
  const [materials, setMaterials] = useState(false);
  const stageNote = useStageNote(complaint);
  const holder = useHeldByOther(complaint);
  // The stage's own rule (e.g. who may reconsider) says more than who holds the case.
  const note =
    stageNote ??
    (holder ? { text: t('caseWork.assign.heldBy', { name: holder }), self: false } : null);

  // Someone else's case: the server would refuse every move (not_assignee), so offer none.
  const actions = holder ? [] : ORDER.filter((a) => complaint.allowedActions.includes(a));
  const label = (action: ComplaintAction) => t(`consoleComplaints.action.${action}`);
  const primary = (action: ComplaintAction) =>
    PRIMARY.includes(action) || (action === 'investigate' && !actions.includes('review'));

  const run = (action: StaffTransition, version: number, opinion?: string) => {
    setFailure(null);
    return transition.mutateAsync(
      { action, version, ...(opinion ? { opinion } : {}) },
      {
        onSuccess: () =>
          void message.success(t('consoleComplaints.action.done', { action: label(action) })),
      },
    );
  };

  const submitOpinion = (action: OpinionAction, version: number, text: string) => {
    if (action !== 'supply_materials') return run(action, version, text);
    return supply.mutateAsync(text ? { note: text } : {}, {
      onSuccess: () =>
        void message.success(t('consoleComplaints.action.done', { action: label(action) })),
    });
  };

  // One-click actions report a refusal here; the modals show theirs inside the modal.
  const runDirect = (action: StaffTransition) =>
    run(action, complaint.version).catch((error: unknown) => setFailure(error));

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
        <Button
          key={action}
          {...props}
          onClick={() => setOpinionFor({ action, version: complaint.version })}
        >
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
      {failure ? (
        <WriteError
          error={failure}
          onRefresh={async () => {
            await refresh();
            setFailure(null);
          }}
          onClose={() => setFailure(null)}
          testId="action-error"
        />
      ) : null}
      <OpinionModal
        action={opinionFor?.action ?? null}
        onCancel={() => setOpinionFor(null)}
        onSubmit={(action, text) =>
          submitOpinion(action, opinionFor?.version ?? complaint.version, text).then(() =>
            setOpinionFor(null),
          )
        }
        onRefresh={async () => {
          const fresh = await refresh();
          setOpinionFor((open) => (open && fresh ? { ...open, version: fresh.version } : open));
        }}
      />
      <MaterialsModal
        open={materials}
        complaint={complaint}
        refresh={refresh}
        onClose={() => setMaterials(false)}
      />
    </div>
  );
}
