// Small labels used across the staff complaint pages: stage, channel and flags.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS, type Channel, type ComplaintStatus } from '../../app/types';
import { useLocalText } from '../../shared/text';

// Colours by what the stage asks of the agent: blue = ours to work, orange = waiting on someone
// else, purple = appeal track, green/grey = done.
const STATUS_COLORS: Record<ComplaintStatus, string> = {
  submitted: 'default',
  accepted: 'blue',
  reviewing: 'processing',
  investigating: 'processing',
  awaiting_materials: 'orange',
  transferred: 'cyan',
  resolved: 'green',
  appealed: 'magenta',
  reconsidering: 'purple',
  rejected: 'red',
  closed: 'default',
};

/**
 * Stage names as staff say them. The shared STATUS_LABELS speak to the complainant ("Waiting for
 * your materials"); the console's own words stay neutral.
 */
export function useStatusLabel(): (status: ComplaintStatus) => string {
  const { t } = useTranslation();
  const local = useLocalText();
  return (status) =>
    t(`consoleComplaints.status.${status}`, { defaultValue: local(STATUS_LABELS[status]) });
}

export function StatusTag({ status }: { status: ComplaintStatus }) {
  const label = useStatusLabel();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="status-tag">
      {label(status)}
    </Tag>
  );
}

export function useChannelLabel(): (channel: Channel) => string {
  const { t } = useTranslation();
  return (channel) => t(`consoleComplaints.channel.${channel}`, { defaultValue: channel });
}

/** Flags come from the server as codes; unknown ones still show, as their code. */
export function FlagTags({ flags }: { flags: readonly string[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <>
      {flags.map((flag) => (
        <Tooltip
          key={flag}
          title={t(`consoleComplaints.flagHelp.${flag}`, {
            defaultValue: t('consoleComplaints.flagHelp.default'),
          })}
        >
          <Tag color="red" variant="solid" style={{ marginInlineEnd: 4 }} data-testid="flag-tag">
            {t(`consoleComplaints.flag.${flag}`, { defaultValue: flag })}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}
