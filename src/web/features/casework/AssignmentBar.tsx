// Who works this case: its team queue and the person holding it, with 认领 / 释放 / 转派 and
// 升级至专家坐席. Which buttons show follows the rules the server applies (it checks again): the
// holder may release, transfer and escalate; a waiting case may be claimed; supervisors
// (complaints.assign) may move any case.
import {
  ArrowUpOutlined,
  CheckOutlined,
  RollbackOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Form, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { OPEN_STATUSES, type ComplaintDetail } from '../../app/types';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useAssign, useClaim, useEscalate, useRelease, useTeams } from './api';
import { ReasonModal } from './ReasonModal';
import type { Refresh } from './WorkPanel';
import { WriteError } from './WriteError';

type Dialog = 'release' | 'assign' | 'escalate' | null;

function AssignFields({ currentTeam }: { currentTeam: string | null }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const teams = useTeams();
  const form = Form.useFormInstance();
  const teamCode = Form.useWatch<string | undefined>('teamCode', form);
  const team = teams.data?.find((x) => x.code === teamCode);
  return (
    <>
      <Form.Item
        name="teamCode"
        label={t('caseWork.assign.team')}
        rules={[{ required: true, message: t('caseWork.assign.teamRequired') }]}
      >
        <Select
          loading={teams.isPending}
          options={(teams.data ?? [])
            .filter((x) => x.enabled)
            .map((x) => ({
              value: x.code,
              label:
                x.code === currentTeam
                  ? `${local(x.name)}${t('caseWork.assign.currentSuffix')}`
                  : local(x.name),
            }))}
          onChange={() => form.setFieldValue('assigneeId', null)}
          data-testid="assign-team"
        />
      </Form.Item>
      <Form.Item
        name="assigneeId"
        label={t('caseWork.assign.person')}
        extra={t('caseWork.assign.personHint')}
      >
        <Select
          allowClear
          placeholder={t('caseWork.assign.toQueue')}
          disabled={!team}
          options={(team?.members ?? []).map((m) => ({ value: m.userId, label: m.name }))}
          data-testid="assign-person"
        />
      </Form.Item>
    </>
  );
}

export function AssignmentBar({
  complaint,
  refresh,
}: {
  complaint: ComplaintDetail;
  refresh: Refresh;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, can } = useAuth();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const claim = useClaim(complaint.number);
  const release = useRelease(complaint.number);
  const assign = useAssign(complaint.number);
  const escalate = useEscalate(complaint.number);

  const me = session?.user.id;
  const mine = Boolean(me && complaint.assignee?.id === me);
  const open = OPEN_STATUSES.includes(complaint.status);
  const works = can('complaints.work');
  const assigns = can('complaints.assign');
  const canClaim = works && open && !complaint.assignee;
  const canRelease = works && open && mine;
  const canMove = open && (mine || assigns);
  const canEscalate = works && open && (mine || assigns) && !complaint.escalatedAt;

  const done = (key: string) => () => void message.success(t(key));

  const onClaim = () => {
    setFailure(null);
    claim.mutate(undefined, {
      onSuccess: done('caseWork.assign.claimed'),
      onError: setFailure,
    });
  };

  return (
    <div className="cw-assignment" data-testid="assignment-bar">
      <Space size={[16, 8]} wrap>
        <span data-testid="case-team">
          <TeamOutlined className="cw-muted" /> {t('caseWork.assign.teamLabel')}
          {t('consoleComplaints.colon')}
          <b>{complaint.team ? local(complaint.team.name) : t('caseWork.assign.noTeam')}</b>
        </span>
        <span data-testid="case-assignee">
          <UserOutlined className="cw-muted" /> {t('caseWork.assign.assigneeLabel')}
          {t('consoleComplaints.colon')}
          {complaint.assignee ? (
            <b>
              {complaint.assignee.name}
              {mine && <Tag style={{ marginInlineStart: 6 }}>{t('caseWork.assign.me')}</Tag>}
            </b>
          ) : (
            <Tag color="orange" data-testid="case-waiting">
              {t('caseWork.assign.waiting')}
            </Tag>
          )}
        </span>
        {complaint.escalatedAt && (
          <Tooltip title={formatDateTime(complaint.escalatedAt)}>
            <Tag color="magenta" icon={<ArrowUpOutlined />} data-testid="case-escalated">
              {t('caseWork.assign.escalated')}
            </Tag>
          </Tooltip>
        )}
      </Space>
      <Space size={8} wrap className="cw-assignment-actions">
        {canClaim && (
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            loading={claim.isPending}
            onClick={onClaim}
            data-testid="case-claim"
          >
            {t('caseWork.assign.claim')}
          </Button>
        )}
        {canRelease && (
          <Button
            size="small"
            icon={<RollbackOutlined />}
            onClick={() => setDialog('release')}
            data-testid="case-release"
          >
            {t('caseWork.assign.release')}
          </Button>
        )}
        {canMove && (
          <Button
            size="small"
            icon={<SwapOutlined />}
            onClick={() => setDialog('assign')}
            data-testid="case-reassign"
          >
            {t('caseWork.assign.reassign')}
          </Button>
        )}
        {canEscalate && (
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            onClick={() => setDialog('escalate')}
            data-testid="case-escalate"
          >
            {t('caseWork.assign.escalate')}
          </Button>
        )}
      </Space>
      {failure ? (
        <div style={{ width: '100%' }}>
          <WriteError
            error={failure}
            onRefresh={async () => {
              await refresh();
              setFailure(null);
            }}
            onClose={() => setFailure(null)}
            testId="assignment-error"
          />
        </div>
      ) : null}

      <ReasonModal
        open={dialog === 'release'}
        title={t('caseWork.assign.releaseTitle')}
        okText={t('caseWork.assign.release')}
        reasonLabel={t('caseWork.assign.releaseReason')}
        reasonPlaceholder={t('caseWork.assign.releasePlaceholder')}
        hint={
          <Alert
            type="info"
            showIcon
            title={t('caseWork.assign.releaseHint')}
            style={{ marginBottom: 16 }}
          />
        }
        version={complaint.version}
        refresh={refresh}
        onSubmit={({ reason }) =>
          release.mutateAsync({ reason }, { onSuccess: done('caseWork.assign.released') })
        }
        onClose={() => setDialog(null)}
        testId="release-form"
      />
      <ReasonModal
        open={dialog === 'assign'}
        title={t('caseWork.assign.reassignTitle')}
        okText={t('caseWork.assign.reassign')}
        reasonLabel={t('caseWork.assign.reassignReason')}
        reasonPlaceholder={t('caseWork.assign.reassignPlaceholder')}
        initialValues={{ teamCode: complaint.team?.code, assigneeId: null }}
        version={complaint.version}
        refresh={refresh}
        onSubmit={({ reason, teamCode, assigneeId }, version) =>
          assign.mutateAsync(
            { reason, teamCode: teamCode ?? '', assigneeId: assigneeId ?? null, version },
            { onSuccess: done('caseWork.assign.reassigned') },
          )
        }
        onClose={() => setDialog(null)}
        testId="assign-form"
      >
        <AssignFields currentTeam={complaint.team?.code ?? null} />
      </ReasonModal>
      <ReasonModal
        open={dialog === 'escalate'}
        title={t('caseWork.assign.escalateTitle')}
        okText={t('caseWork.assign.escalate')}
        reasonLabel={t('caseWork.assign.escalateReason')}
        reasonPlaceholder={t('caseWork.assign.escalatePlaceholder')}
        hint={
          <Alert
            type="info"
            showIcon
            title={t('caseWork.assign.escalateHint')}
            style={{ marginBottom: 16 }}
          />
        }
        version={complaint.version}
        refresh={refresh}
        onSubmit={({ reason }, version) =>
          escalate.mutateAsync(
            { reason, version },
            { onSuccess: done('caseWork.assign.escalatedDone') },
          )
        }
        onClose={() => setDialog(null)}
        testId="escalate-form"
      >
        {null}
      </ReasonModal>
    </div>
  );
}
