// After filing: the number to read out to the caller, and the way on to the case (to add the
// evidence). A repeat filing says which open complaint it was added to instead.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilingResult } from '../../app/types';
import { LinkButton } from '../../shared/LinkButton';

export function FilingDone({ result, onAnother }: { result: FilingResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const { number } = result.complaint;
  const linked = result.linkedToExisting;
  return (
    <Card>
      <Result
        status={linked ? 'info' : 'success'}
        title={t(linked ? 'consoleComplaints.done.linkedTitle' : 'consoleComplaints.done.title')}
        subTitle={
          <span>
            {t('consoleComplaints.done.number')}
            <Typography.Text
              strong
              copyable={{ text: number }}
              className="cc-number"
              style={{ fontSize: 18, marginInlineStart: 8 }}
              data-testid="filed-number"
            >
              {number}
            </Typography.Text>
          </span>
        }
        extra={[
          <LinkButton
            key="open"
            type="primary"
            to={`/console/complaints/${number}`}
            data-testid="filed-open"
          >
            {t(linked ? 'consoleComplaints.done.openExisting' : 'consoleComplaints.done.open')}
          </LinkButton>,
          <Button key="again" icon={<PlusOutlined />} onClick={onAnother} data-testid="filed-again">
            {t('consoleComplaints.done.another')}
          </Button>,
        ]}
      >
        {linked ? (
          <Alert
            type="warning"
            showIcon
            title={result.notice ?? t('consoleComplaints.done.linkedDefault')}
            data-testid="filed-linked"
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center' }}>
            {t('consoleComplaints.done.readOut')}
          </Typography.Paragraph>
        )}
      </Result>
    </Card>
  );
}
