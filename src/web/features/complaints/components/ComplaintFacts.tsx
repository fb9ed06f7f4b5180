// What the person told us: description, demand, the type's fields and the contact (all masked
// by the API where they are personal data).
import { Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../app/types';
import { useLocalText } from '../../../shared/text';

export function ComplaintFacts({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const p = 'portalComplaints.facts';
  const defined = complaint.rules.requiredFields.map((f) => f.key);
  const keys = [
    ...defined.filter((key) => key in complaint.fields),
    ...Object.keys(complaint.fields).filter((key) => !defined.includes(key)),
  ];
  const labels = new Map(complaint.rules.requiredFields.map((f) => [f.key, local(f.label)]));
  const contact = [complaint.contact.name, complaint.contact.phone, complaint.contact.email]
    .filter(Boolean)
    .join(' · ');
  const items: DescriptionsProps['items'] = [
    ...keys.map((key) => ({
      key: `field-${key}`,
      label: labels.get(key) ?? key,
      children: complaint.fields[key],
    })),
    {
      key: 'description',
      label: t(`${p}.description`),
      children: <span className="cx-pre">{complaint.description}</span>,
    },
    { key: 'demand', label: t(`${p}.demand`), children: complaint.demand },
    { key: 'contact', label: t(`${p}.contact`), children: contact || '—' },
  ];
  if (complaint.repeatCount > 0) {
    items.push({
      key: 'repeat',
      label: t(`${p}.repeat`),
      children: t(`${p}.repeatCount`, { count: complaint.repeatCount }),
    });
  }
  return (
    <Descriptions
      column={1}
      size="small"
      items={items}
      className="cx-facts"
      data-testid="complaint-facts"
    />
  );
}
