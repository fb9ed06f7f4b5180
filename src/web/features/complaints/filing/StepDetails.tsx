// Step ③: the type's own fields, the description, the demand and the contact name.
import { Alert, Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../app/api';
import type { ProblemType } from '../../../app/types';
import { DESCRIPTION_MAX } from '../../../app/types';
import { charCount } from '../rules';
import { DemandField } from './DemandField';
import { formName, type DetailsValues } from './draft';
import { FieldInput } from './FieldInput';

interface Props {
  type: ProblemType;
  initial: DetailsValues;
  /** The server's reasons from a refused submission, to show on the matching inputs. */
  serverErrors: FieldErrors | null;
  /** Every edit, so going to another step (or back) never loses what was typed. */
  onChange: (values: DetailsValues) => void;
  onBack: () => void;
  onNext: (values: DetailsValues) => void;
}

export function StepDetails({ type, initial, serverErrors, onChange, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const p = 'portalComplaints';
  const [form] = Form.useForm<DetailsValues>();
  const description = Form.useWatch<string | undefined>('description', form);
  const count = charCount(description);

  useEffect(() => {
    if (!serverErrors) return;
    const entries = Object.entries(serverErrors).flatMap(([key, reason]) => {
      const name = formName(key);
      return name ? [{ name, errors: [reason] }] : [];
    });
    form.setFields(entries);
    if (entries[0]) form.scrollToField(entries[0].name, { block: 'center' });
  }, [serverErrors, form]);

  return (
    <Form<DetailsValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={(_, all) => onChange({ ...initial, ...all, fields: all.fields ?? {} })}
      onFinish={(values) => onNext({ ...initial, ...values, fields: values.fields ?? {} })}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      }}
      requiredMark={false}
      data-testid="step-details"
    >
      {serverErrors && (
        <Alert
          type="error"
          showIcon
          title={t(`${p}.file.fixFields`)}
          className="cx-gap-bottom"
          data-testid="server-field-errors"
        />
      )}
      {type.requiredFields.map((field) => (
        <FieldInput key={field.key} field={field} />
      ))}
      <Form.Item
        name="description"
        label={t(`${p}.description.label`)}
        required
        rules={[
          { required: true, whitespace: true, message: t(`${p}.description.required`) },
          {
            validator: (_, value: string | undefined) =>
              charCount(value) > DESCRIPTION_MAX
                ? Promise.reject(new Error(t(`${p}.description.tooLong`, { max: DESCRIPTION_MAX })))
                : Promise.resolve(),
          },
        ]}
        extra={
          <span
            className={count >= DESCRIPTION_MAX ? 'cx-counter cx-counter-over' : 'cx-counter'}
            data-testid="description-counter"
          >
            {t(`${p}.counter`, { count, max: DESCRIPTION_MAX })}
          </span>
        }
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 10 }}
          placeholder={t(`${p}.description.placeholder`)}
          data-testid="description"
        />
      </Form.Item>
      <DemandField />
      <Form.Item
        name="contactName"
        label={t(`${p}.contactName.label`)}
        extra={t(`${p}.contactName.hint`)}
        rules={[{ required: true, whitespace: true, message: t(`${p}.contactName.required`) }]}
      >
        <Input size="large" maxLength={50} autoComplete="name" data-testid="contact-name" />
      </Form.Item>
      <div className="cx-step-nav">
        <Button size="large" onClick={onBack}>
          {t(`${p}.file.back`)}
        </Button>
        <Button type="primary" size="large" htmlType="submit" data-testid="details-next">
          {t(`${p}.file.next`)}
        </Button>
      </div>
    </Form>
  );
}
