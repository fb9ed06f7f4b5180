// The filing form's values and how they become the API's request body.
import type { Channel } from '../../app/types';
import type { NewComplaint } from './api';

export interface FilingValues {
  complainant: { name: string; phone?: string; email?: string };
  channel: Channel;
  typePath?: [string, string];
  fields?: Record<string, string | undefined>;
  description: string;
  demand: string;
}

export function toBody(values: FilingValues, type: string): NewComplaint {
  const trimmed = (v: string | undefined) => v?.trim() || undefined;
  const phone = trimmed(values.complainant.phone);
  const email = trimmed(values.complainant.email);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(values.fields ?? {})) {
    const v = trimmed(value);
    if (v) fields[key] = v;
  }
  return {
    type,
    description: values.description.trim(),
    demand: values.demand.trim(),
    fields,
    channel: values.channel,
    complainant: {
      name: values.complainant.name.trim(),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    },
  };
}
