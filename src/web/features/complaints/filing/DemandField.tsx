// 诉求: quick choices (退款 / 补发 / 赔偿 / 道歉 / 说明情况) plus the person's own words.
import { Form, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEMAND_MAX } from '../../../app/types';
import { charCount, composeDemand } from '../rules';

const CHIPS = ['refund', 'resend', 'compensation', 'apology', 'explanation'] as const;

function ChipGroup({
  value = [],
  onChange,
}: {
  value?: string[];
  onChange?: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="cx-chips" role="group" data-testid="demand-chips">
      {CHIPS.map((chip) => {
        const text = t(`portalComplaints.demand.${chip}`);
        const checked = value.includes(text);
        return (
          <Tag.CheckableTag
            key={chip}
            checked={checked}
            onChange={(on) => onChange?.(on ? [...value, text] : value.filter((v) => v !== text))}
            className="cx-chip"
          >
            {text}
          </Tag.CheckableTag>
        );
      })}
    </div>
  );
}

export function DemandField() {
  const { t } = useTranslation();
  const p = 'portalComplaints.demand';
  const form = Form.useFormInstance();
  const chips = Form.useWatch<string[] | undefined>('demandChips', form) ?? [];
  const text = Form.useWatch<string | undefined>('demandText', form);
  const length = charCount(composeDemand(chips, text));
  return (
    <Form.Item label={t(`${p}.label`)} required className="cx-demand">
      <Form.Item name="demandChips" noStyle>
        <ChipGroup />
      </Form.Item>
      <Form.Item
        name="demandText"
        dependencies={['demandChips']}
        style={{ marginTop: 8, marginBottom: 0 }}
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const demand = composeDemand(form.getFieldValue('demandChips') ?? [], value);
              if (!demand) return Promise.reject(new Error(t(`${p}.required`)));
              if (charCount(demand) > DEMAND_MAX) {
                return Promise.reject(new Error(t(`${p}.tooLong`, { max: DEMAND_MAX })));
              }
              return Promise.resolve();
            },
          },
        ]}
        extra={
          <span className={length > DEMAND_MAX ? 'cx-counter cx-counter-over' : 'cx-counter'}>
            {t('portalComplaints.counter', { count: length, max: DEMAND_MAX })}
          </span>
        }
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          placeholder={t(`${p}.placeholder`)}
          data-testid="demand-text"
        />
      </Form.Item>
    </Form.Item>
  );
}
