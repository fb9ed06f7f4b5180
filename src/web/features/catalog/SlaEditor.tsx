// The SLA part of the problem-type form: four targets (empty = none) and a note for people.
import { Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { BilingualInputs } from './formParts';

const SLA_NUMBERS = [
  ['firstResponseHours', 'hours'],
  ['resolutionHours', 'hours'],
  ['resolutionWorkingDays', 'days'],
  ['maxWorkingDays', 'days'],
] as const;

export function SlaEditor() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        {SLA_NUMBERS.map(([name, unit]) => (
          <Col span={12} key={name}>
            <Form.Item name={['sla', name]} label={t(`catalogAdmin.slaFields.${name}`)}>
              <InputNumber
                min={0}
                suffix={t(`catalogAdmin.units.${unit}`)}
                placeholder={t('catalogAdmin.slaNone')}
                style={{ width: '100%' }}
                data-testid={`sla-${name}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <BilingualInputs
        name={['sla', 'note']}
        label={t('catalogAdmin.slaNote')}
        maxLength={200}
        multiline
        testId="sla-note"
      />
    </>
  );
}
